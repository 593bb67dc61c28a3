package org.gogoscope.core;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.core.storage.CacheStorage;
import org.gogoscope.core.telemetry.Telemetry;

/** {@link CacheProvider} over a backend's {@link CacheStorage}. */
final class TypedCacheProvider implements CacheProvider {

    private static final long NO_EXPIRY = 0;

    private final StorageAdapter adapter;

    TypedCacheProvider(StorageAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public <T> Optional<T> get(String key, Class<T> type) {
        return get(key, (Type) type);
    }

    @Override
    public <T> Optional<T> get(String key, Type type) {
        String full = adapter.keySpace().full("key", key);
        Args.notNull("type", type);
        CacheStorage storage = adapter.storages().cache();
        Optional<String> json;
        try {
            json = adapter.call("cache.get", () -> storage.get(full));
        } catch (RuntimeException e) {
            adapter.telemetry().cacheRead(adapter.store(), Telemetry.CacheOutcome.ERROR);
            throw e;
        }
        adapter.telemetry().cacheRead(adapter.store(), json.isPresent() ? Telemetry.CacheOutcome.HIT
                : Telemetry.CacheOutcome.MISS);
        return json.map(text -> adapter.json().fromJson("cache value of '" + key + "'", text, type));
    }

    @Override
    public void set(String key, Object value) {
        put(key, value, NO_EXPIRY);
    }

    @Override
    public void set(String key, Object value, Duration ttl) {
        put(key, value, Args.ttlMillis("ttl", ttl, adapter.maxTtl(), adapter.backend()));
    }

    private void put(String key, Object value, long ttlMillis) {
        String full = adapter.keySpace().full("key", key);
        String json = adapter.json().toJson("value", value);
        CacheStorage storage = adapter.storages().cache();
        adapter.call("cache.set", () -> {
            storage.put(full, json, ttlMillis);
            return null;
        });
    }

    @Override
    public boolean delete(String key) {
        String full = adapter.keySpace().full("key", key);
        CacheStorage storage = adapter.storages().cache();
        return adapter.call("cache.delete", () -> storage.delete(full));
    }

    @Override
    public boolean has(String key) {
        String full = adapter.keySpace().full("key", key);
        CacheStorage storage = adapter.storages().cache();
        return adapter.call("cache.has", () -> storage.exists(full));
    }

    @Override
    public long clear() {
        KeyPattern all = adapter.keySpace().all();
        CacheStorage storage = adapter.storages().cache();
        return adapter.call("cache.clear", () -> storage.deleteMatching(all));
    }

    @Override
    public List<String> keys() {
        return keys(adapter.keySpace().all());
    }

    @Override
    public List<String> keys(String pattern) {
        return keys(adapter.keySpace().pattern("pattern", pattern));
    }

    private List<String> keys(KeyPattern pattern) {
        CacheStorage storage = adapter.storages().cache();
        List<String> full = adapter.call("cache.keys", () -> storage.keys(pattern));
        List<String> keys = new ArrayList<>(full.size());
        for (String key : full) {
            keys.add(adapter.keySpace().strip(key));
        }
        return keys;
    }
}
