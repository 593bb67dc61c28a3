package org.gogoscope.redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.CacheStorage;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Cache entries as plain JSON strings with Redis's own millisecond expiry, without an index
 * ({@code redis.cache-index=false}, for prefixes shared with go-go-scope's Node adapter, which writes entries
 * only): {@code keys} and {@code deleteMatching} use {@code SCAN MATCH} with an escaped glob on every master,
 * never {@code KEYS}, so they walk the whole server, one round trip per page of 500 keys.
 */
final class RedisScannedCacheStorage implements CacheStorage {

    private final RedisClient client;
    private final RedisKeys keys;

    RedisScannedCacheStorage(RedisClient client, RedisKeys keys) {
        this.client = client;
        this.keys = keys;
    }

    @Override
    public Optional<String> get(String key) {
        String cache = keys.cache(key);
        return Optional.ofNullable(client.call(j -> j.get(cache)));
    }

    @Override
    public void put(String key, String json, long ttlMillis) {
        String cache = keys.cache(key);
        client.call(j -> ttlMillis == 0 ? j.set(cache, json) : j.set(cache, json, new SetParams().px(ttlMillis)));
    }

    @Override
    public boolean delete(String key) {
        String cache = keys.cache(key);
        return client.call(j -> j.del(cache)) == 1L;
    }

    @Override
    public boolean exists(String key) {
        String cache = keys.cache(key);
        return client.call(j -> j.exists(cache));
    }

    @Override
    public List<String> keys(KeyPattern pattern) {
        Set<String> found = new LinkedHashSet<>(); // SCAN may return a key twice
        scan(pattern, found::addAll);
        List<String> full = new ArrayList<>(found.size());
        for (String redisKey : found) {
            full.add(keys.fromCache(redisKey));
        }
        return full;
    }

    @Override
    public long deleteMatching(KeyPattern pattern) {
        long[] removed = {0};
        scan(pattern, batch -> {
            Map<Integer, List<String>> bySlot = new HashMap<>();
            for (String key : batch) {
                bySlot.computeIfAbsent(JedisClusterCRC16.getSlot(key), slot -> new ArrayList<>()).add(key);
            }
            for (List<String> sameSlot : bySlot.values()) {
                String[] group = sameSlot.toArray(String[]::new);
                removed[0] += client.call(j -> j.del(group));
            }
        });
        return removed[0];
    }

    /**
     * Scans with a superset glob (Redis's {@code ?} matches one byte, the library's one character, so
     * {@code ?} is scanned as {@code *}) and keeps the keys the exact pattern matches.
     */
    private void scan(KeyPattern pattern, Consumer<List<String>> batches) {
        KeyPattern cachePattern = keys.cachePattern(pattern.glob());
        client.scan(RedisKeys.scanGlob(cachePattern), batch -> {
            List<String> matching = new ArrayList<>(batch.size());
            for (String key : batch) {
                if (cachePattern.matches(key)) {
                    matching.add(key);
                }
            }
            if (!matching.isEmpty()) {
                batches.accept(matching);
            }
        });
    }
}
