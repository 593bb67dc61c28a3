package org.gogoscope.core;

/**
 * The key prefix of one adapter: turns application keys into the backend's full keys and back, and enforces
 * the backend's key length limit.
 */
public final class KeySpace {

    private final String prefix;
    private final int maxKeyLength;

    public KeySpace(String prefix, int maxKeyLength) {
        if (prefix == null) {
            throw new IllegalArgumentException("keyPrefix must not be null (use \"\" for none)");
        }
        if (prefix.length() >= maxKeyLength) {
            throw new IllegalArgumentException("keyPrefix must be shorter than the backend's key limit of "
                    + maxKeyLength + " characters, was " + prefix.length());
        }
        this.prefix = prefix;
        this.maxKeyLength = maxKeyLength;
    }

    public String prefix() {
        return prefix;
    }

    public int maxKeyLength() {
        return maxKeyLength;
    }

    /** Checks {@code key} (named {@code argument} in errors) and returns it with the prefix. */
    public String full(String argument, String key) {
        Args.text(argument, key);
        Args.storableText(argument, key);
        String full = prefix.concat(key);
        if (full.length() > maxKeyLength) {
            throw new IllegalArgumentException(argument + " is too long: " + key.length()
                    + " characters, plus the prefix's " + prefix.length() + ", exceed the backend's limit of "
                    + maxKeyLength);
        }
        return full;
    }

    /** The application key of a full key this key space produced. */
    public String strip(String fullKey) {
        if (!fullKey.startsWith(prefix)) {
            throw new IllegalStateException("key outside prefix '" + prefix + "': " + fullKey);
        }
        return fullKey.substring(prefix.length());
    }

    /** The glob {@code pattern} (named {@code argument} in errors) restricted to this prefix. */
    public KeyPattern pattern(String argument, String pattern) {
        Args.notNull(argument, pattern);
        return new KeyPattern(prefix, pattern);
    }

    /** Every key under this prefix. */
    public KeyPattern all() {
        return new KeyPattern(prefix, "*");
    }
}
