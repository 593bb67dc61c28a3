package org.gogoscope.core.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.memory.MemoryBackend.CacheEntry;
import org.gogoscope.core.storage.CacheStorage;

final class MemoryCacheStorage implements CacheStorage {

    private final MemoryBackend backend;

    MemoryCacheStorage(MemoryBackend backend) {
        this.backend = backend;
    }

    private boolean live(CacheEntry entry) {
        return entry != null && entry.expiresAt() > backend.now();
    }

    @Override
    public Optional<String> get(String key) {
        CacheEntry entry = backend.cache.get(key);
        return live(entry) ? Optional.of(entry.json()) : Optional.empty();
    }

    @Override
    public void put(String key, String json, long ttlMillis) {
        long expiresAt = ttlMillis == 0 ? Long.MAX_VALUE : backend.now() + ttlMillis;
        backend.cache.put(key, new CacheEntry(json, expiresAt));
    }

    @Override
    public boolean delete(String key) {
        return live(backend.cache.remove(key));
    }

    @Override
    public boolean exists(String key) {
        return live(backend.cache.get(key));
    }

    @Override
    public List<String> keys(KeyPattern pattern) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, CacheEntry> entry : backend.cache.entrySet()) {
            if (pattern.matches(entry.getKey()) && live(entry.getValue())) {
                keys.add(entry.getKey());
            }
        }
        return keys;
    }

    @Override
    public long deleteMatching(KeyPattern pattern) {
        long removed = 0;
        for (String key : backend.cache.keySet()) {
            if (pattern.matches(key) && live(backend.cache.remove(key))) {
                removed++;
            }
        }
        return removed;
    }
}
