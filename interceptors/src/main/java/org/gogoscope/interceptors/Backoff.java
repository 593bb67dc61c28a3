package org.gogoscope.interceptors;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Exponential backoff with equal jitter inside a deadline: pauses of a random length in
 * {@code [base/2, base]}, {@code base} doubling from {@code 5 ms} up to {@code 250 ms}, never past the deadline.
 * Interruptible.
 */
public final class Backoff {

    private static final long FIRST_MILLIS = 5;
    private static final long MAX_MILLIS = 250;

    private final long deadlineNanos;
    private long base = FIRST_MILLIS;

    public Backoff(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * Sleeps before the next attempt.
     *
     * @return {@code false} (without sleeping) when the deadline has passed
     * @throws InterruptedException if interrupted while sleeping
     */
    public boolean pause() throws InterruptedException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (left <= 0) {
            return false;
        }
        long sleep = Math.min(left, base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
        base = Math.min(MAX_MILLIS, base * 2);
        Thread.sleep(Math.max(1, sleep));
        return true;
    }
}
