package org.gogoscope.api;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A key-value cache whose entries are JSON documents with an optional per-entry TTL.
 *
 * <h2>Patterns</h2>
 * {@link #keys(String)} takes one glob grammar on every backend: {@code *} matches any run of characters
 * (including none), {@code ?} exactly one character, and every other character only itself
 * ({@code %}, {@code _}, {@code .}, {@code [}, {@code \} included). Patterns match whole keys, without the
 * adapter's prefix. Expired entries never appear. A pattern with a literal head (text before its first
 * wildcard) costs in proportion to the keys that start with it on every backend (an index range; on Redis a
 * per-prefix index of the cache keys, never {@code KEYS} nor a scan of the whole server).
 */
public interface CacheProvider {

    /**
     * The live value of {@code key} read into {@code type}.
     *
     * @throws IllegalArgumentException if the stored JSON cannot be read as {@code type}
     */
    <T> Optional<T> get(String key, Class<T> type);

    /** Like {@link #get(String, Class)} for generic types such as {@code List<Order>}. */
    <T> Optional<T> get(String key, Type type);

    /** Stores {@code value} (non-null) with no expiry, replacing any previous value. */
    void set(String key, Object value);

    /** Stores {@code value} (non-null) for {@code ttl} (at least 1 ms), replacing any previous value. */
    void set(String key, Object value, Duration ttl);

    /** Removes {@code key}. @return {@code true} if a live entry was removed */
    boolean delete(String key);

    /** Whether {@code key} has a live entry. */
    boolean has(String key);

    /** Removes every entry under this adapter's prefix, and nothing else. @return how many were removed */
    long clear();

    /** Every live key under this adapter's prefix, without the prefix, in no particular order. */
    List<String> keys();

    /** The live keys matching the glob {@code pattern}, without the prefix, in no particular order. */
    List<String> keys(String pattern);
}
