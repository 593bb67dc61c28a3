package org.gogoscope.core.storage;

import java.util.List;
import java.util.Optional;
import org.gogoscope.core.KeyPattern;

/** Raw cache operations on full keys and JSON text. Expired entries are absent for every method. */
public interface CacheStorage {

    Optional<String> get(String key);

    /** Upsert; {@code ttlMillis == 0} means no expiry. */
    void put(String key, String json, long ttlMillis);

    /** True if a live entry was removed. */
    boolean delete(String key);

    boolean exists(String key);

    /** Full keys of live entries matching {@code pattern}. */
    List<String> keys(KeyPattern pattern);

    /** Deletes entries matching {@code pattern} (live or expired); returns how many live ones were removed. */
    long deleteMatching(KeyPattern pattern);
}
