package org.gogoscope.core.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.CacheStorage;

/** Cache entries under {@code Pcache:K}; listings and deletions by pattern stay within that segment. */
final class LaidOutCache implements CacheStorage {

    private final CacheStorage backend;
    private final NodeLayout.TypeSegment keys;

    LaidOutCache(CacheStorage backend, NodeLayout.TypeSegment keys) {
        this.backend = backend;
        this.keys = keys;
    }

    @Override
    public Optional<String> get(String key) {
        return backend.get(keys.stored(key));
    }

    @Override
    public void put(String key, String json, long ttlMillis) {
        backend.put(keys.stored(key), json, ttlMillis);
    }

    @Override
    public boolean delete(String key) {
        return backend.delete(keys.stored(key));
    }

    @Override
    public boolean exists(String key) {
        return backend.exists(keys.stored(key));
    }

    @Override
    public List<String> keys(KeyPattern pattern) {
        List<String> stored = backend.keys(keys.stored(pattern));
        List<String> full = new ArrayList<>(stored.size());
        for (String key : stored) {
            full.add(keys.full(key));
        }
        return full;
    }

    @Override
    public long deleteMatching(KeyPattern pattern) {
        return backend.deleteMatching(keys.stored(pattern));
    }
}
