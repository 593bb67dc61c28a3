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

    /** {@code ttl} must be at least one millisecond and at most {@code max}, the backend's limit; in milliseconds. */
    public static long ttlMillis(String name, Duration ttl, Duration max, String backend) {
        long millis = ttlMillis(name, ttl);
        if (ttl.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be at most " + max.toDays() + " days (the longest TTL "
                    + backend + " stores), was " + ttl);
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

    /**
     * {@code value} must be text every backend stores unchanged: no U+0000 (PostgreSQL cannot store it) and no
     * unpaired UTF-16 surrogate (UTF-8 backends would turn it into another character, aliasing another key).
     */
    public static String storableText(String name, String value) {
        int bad = firstUnstorable(value);
        if (bad >= 0) {
            throw new IllegalArgumentException(name + " contains " + describe(value, bad) + " at index " + bad
                    + ", which not every backend can store unchanged");
        }
        return value;
    }

    /** The index of the first U+0000 or unpaired surrogate in {@code text}, or -1. */
    static int firstUnstorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(CharSequence text, int index) {
        return text.charAt(index) == 0 ? "U+0000" : String.format("an unpaired surrogate U+%04X", (int) text.charAt(index));
    }
}
