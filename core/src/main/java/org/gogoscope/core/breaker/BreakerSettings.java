package org.gogoscope.core.breaker;

import java.time.Duration;
import java.util.Objects;

/**
 * The numbers one {@link SharedBreaker} decides with: MicroProfile's {@code @CircuitBreaker} parameters, already
 * resolved against configuration, plus the two sharing settings.
 *
 * @param name the breaker's key in the {@link org.gogoscope.api.CircuitBreakerStateProvider}, e.g.
 *     {@code cb:com.acme.Quotes.quote(String)}
 * @param delay how long the breaker stays open before it hands out probe permits, {@code >= 0}
 * @param volume the size of the rolling window ({@code requestVolumeThreshold}), {@code >= 1}
 * @param threshold failures in a full window that open the breaker, in {@code [0, volume]}
 *     ({@code ceil(failureRatio * volume)})
 * @param successThreshold probe permits per half-open period, and successful probes that close the breaker,
 *     {@code >= 1}
 * @param staleness how old a snapshot of the shared document a call may decide on, {@code >= 0}; {@code 0} = read
 *     the backend on every call
 * @param probeLease after this long in half-open, probe permits whose outcome never came are handed out again,
 *     {@code >= 0}
 */
public record BreakerSettings(String name, Duration delay, int volume, int threshold, int successThreshold,
        Duration staleness, Duration probeLease) {

    /** @throws IllegalArgumentException naming the first setting out of range */
    public BreakerSettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("breaker name must not be blank, was " + name);
        }
        nonNegative(name, "delay", delay);
        nonNegative(name, "staleness", staleness);
        nonNegative(name, "probeLease", probeLease);
        if (volume < 1) {
            throw new IllegalArgumentException("breaker " + name + ": volume must be >= 1, was " + volume);
        }
        if (threshold < 0 || threshold > volume) {
            throw new IllegalArgumentException("breaker " + name + ": threshold must be between 0 and the volume "
                    + volume + ", was " + threshold);
        }
        if (successThreshold < 1) {
            throw new IllegalArgumentException("breaker " + name + ": successThreshold must be >= 1, was "
                    + successThreshold);
        }
    }

    private static void nonNegative(String name, String setting, Duration value) {
        Objects.requireNonNull(value, () -> "breaker " + name + ": " + setting);
        if (value.isNegative()) {
            throw new IllegalArgumentException("breaker " + name + ": " + setting + " must be >= 0, was " + value);
        }
    }
}
