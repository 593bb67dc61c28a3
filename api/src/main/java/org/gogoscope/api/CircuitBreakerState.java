package org.gogoscope.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The persisted state of one circuit breaker. Timestamps have millisecond precision: the constructor
 * truncates finer ones, so a value survives a round trip through any backend unchanged.
 *
 * @param state the current state
 * @param failureCount failures counted since the last success or reset, {@code >= 0}
 * @param lastFailureTime when the last failure was recorded, or {@code null} if never
 * @param lastSuccessTime when the last success was recorded, or {@code null} if never
 */
public record CircuitBreakerState(CircuitState state, int failureCount, Instant lastFailureTime,
        Instant lastSuccessTime) {

    public CircuitBreakerState {
        Objects.requireNonNull(state, "state");
        if (failureCount < 0) {
            throw new IllegalArgumentException("failureCount must be >= 0, was " + failureCount);
        }
        lastFailureTime = lastFailureTime == null ? null : lastFailureTime.truncatedTo(ChronoUnit.MILLIS);
        lastSuccessTime = lastSuccessTime == null ? null : lastSuccessTime.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A closed breaker with no failures and no history. */
    public static CircuitBreakerState initial() {
        return new CircuitBreakerState(CircuitState.CLOSED, 0, null, null);
    }
}
