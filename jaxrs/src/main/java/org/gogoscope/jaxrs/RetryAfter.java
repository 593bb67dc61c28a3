package org.gogoscope.jaxrs;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code Retry-After} seconds of the answers: the time until what blocks the call is over, rounded up, at
 * least {@value #MIN_SECONDS} and at most {@value #MAX_SECONDS}. The bound is short on purpose: a lock's remaining
 * TTL and an idempotency claim's lease are upper bounds (the holder usually finishes long before, and they can be
 * minutes), and a client that comes back too early only gets another 409 with a new hint.
 */
public final class RetryAfter {

    /** Never less: a 0 would invite a client to retry at once. */
    public static final long MIN_SECONDS = 1;

    /** Never more. */
    public static final long MAX_SECONDS = 5;

    /**
     * For a refused lock whose holder was not read ({@code @Locked(reportHolder = false)}) or a stopping
     * application: {@value}.
     */
    public static final long LOCK_DEFAULT_SECONDS = 1;

    /**
     * For an open circuit breaker, whose exception does not say when it half-opens: {@value}, MicroProfile Fault
     * Tolerance's default {@code @CircuitBreaker(delay)}.
     */
    public static final long BREAKER_SECONDS = 5;

    private RetryAfter() {
    }

    /** {@code remaining} in whole seconds rounded up, bounded to [{@value #MIN_SECONDS}, {@value #MAX_SECONDS}]. */
    public static long seconds(Duration remaining) {
        if (remaining == null || remaining.isNegative() || remaining.isZero()) {
            return MIN_SECONDS;
        }
        long seconds = remaining.getSeconds() + (remaining.getNano() > 0 ? 1 : 0);
        return Math.max(MIN_SECONDS, Math.min(MAX_SECONDS, seconds));
    }

    /** The seconds from {@code now} until {@code until}, as {@link #seconds(Duration)}. */
    public static long seconds(Instant now, Instant until) {
        return until == null ? MIN_SECONDS : seconds(Duration.between(now, until));
    }
}
