package org.gogoscope.cdi;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.gogoscope.api.CacheProvider;

/**
 * A store's cache with {@code cache.default-ttl} applied: {@link #set(String, Object)} stores with that TTL
 * instead of with no expiry. Every other call goes to the store's cache unchanged.
 */
final class DefaultTtlCache implements CacheProvider {

    private final CacheProvider cache;
    private final Duration defaultTtl;

    DefaultTtlCache(CacheProvider cache, Duration defaultTtl) {
        this.cache = cache;
        this.defaultTtl = defaultTtl;
    }

    @Override
    public void set(String key, Object value) {
        cache.set(key, value, defaultTtl);
    }

    @Override
    public void set(String key, Object value, Duration ttl) {
        cache.set(key, value, ttl);
    }

    @Override
    public <T> Optional<T> get(String key, Class<T> type) {
        return cache.get(key, type);
    }

    @Override
    public <T> Optional<T> get(String key, Type type) {
        return cache.get(key, type);
    }

    @Override
    public boolean delete(String key) {
        return cache.delete(key);
    }

    @Override
    public boolean has(String key) {
        return cache.has(key);
    }

    @Override
    public long clear() {
        return cache.clear();
    }

    @Override
    public List<String> keys() {
        return cache.keys();
    }

    @Override
    public List<String> keys(String pattern) {
        return cache.keys(pattern);
    }

    @Override
    public String toString() {
        return "DefaultTtlCache[" + defaultTtl + ", " + cache + "]";
    }
}
