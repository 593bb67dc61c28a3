package org.gogoscope.core;

import java.time.Duration;

/** Argument checks shared by every provider. Each failure names the offending argument. */
public final class Args {

    private Args() {
    }

    /** {@code value} must be non-null and not blank. */
    public static String text(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** {@code ttl} must be at least one millisecond; returns it in milliseconds. */
    public static long ttlMillis(String name, Duration ttl) {
        if (ttl == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        long millis;
        try {
            millis = ttl.toMillis();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + " is too long, was " + ttl, e);
        }
        if (millis <= 0) {
            throw new IllegalArgumentException(name + " must be at least 1ms, was " + ttl);
        }
        return millis;
    }

    /** {@code value} must be {@code >= min}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    /** {@code value} must not be null. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
