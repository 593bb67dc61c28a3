package org.gogoscope.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.KeySpace;
import org.gogoscope.core.storage.CacheStorage;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Cache entries as plain JSON strings with Redis's own millisecond expiry ({@code Pcache:K}, as without the
 * index), plus an index of their names per prefix, so that {@code keys} and {@code deleteMatching} read the
 * names in the range of the pattern's literal head ({@code ZRANGEBYLEX}) and check only those entries, instead
 * of scanning the server. The index is two sorted sets in one slot: names with score 0 (ordered by their UTF-8
 * bytes, i.e. by code point, as {@link KeyPattern#literalHeadEnd()} counts), and the same names by expiry, so
 * writes trim the names of expired entries, up to 100 per write.
 *
 * <p>A listing keeps only entries that exist, and drops the names of absent ones (deleted by another client,
 * evicted). Standalone and Sentinel: each write and each check is one script over the entry and the index (one
 * round trip, atomic). Cluster, where an entry and the index are in different slots: a write adds the name,
 * writes the entry, and adds the name again; a deletion removes the name, then the entry; a listing that finds an
 * entry absent removes its name, checks the entry again, and re-adds the name if the entry came back. A name is
 * thus never missing for a live entry once the write returned (an extra name only costs a check), and recorded
 * expiries only grow (ZADD GT), so trimming by them is safe.
 *
 * <p>Entries written before the index existed are indexed once per prefix: the first listing of an adapter whose
 * prefix lacks the marker key scans the entries, adds their names, and sets the marker.
 */
final class RedisIndexedCacheStorage implements CacheStorage {

    /** Names read per page of the index, and so entries checked per script or pipeline. */
    static final int PAGE = 1000;
    /** Patterns over names, i.e. application keys, which carry no prefix. */
    private static final KeySpace NAMES = new KeySpace("", Integer.MAX_VALUE);

    private final RedisClient client;
    private final RedisKeys keys;
    private final List<String> index;
    private volatile boolean indexed;

    RedisIndexedCacheStorage(RedisClient client, RedisKeys keys) {
        this.client = client;
        this.keys = keys;
        this.index = List.of(keys.cacheNames(), keys.cacheExpiry());
    }

    @Override
    public Optional<String> get(String key) {
        String cache = keys.cache(key);
        return Optional.ofNullable(client.call(j -> j.get(cache)));
    }

    @Override
    public boolean exists(String key) {
        String cache = keys.cache(key);
        return client.call(j -> j.exists(cache));
    }

    @Override
    public void put(String key, String json, long ttlMillis) {
        String entry = keys.cache(key);
        String name = keys.app(key);
        String ttl = Long.toString(ttlMillis);
        if (!client.isCluster()) {
            client.eval(RedisScript.CACHE_PUT, List.of(entry, keys.cacheNames(), keys.cacheExpiry()),
                    List.of(json, ttl, name));
            return;
        }
        client.eval(RedisScript.CACHE_INDEX_ADD, index, List.of(name, ttl));
        client.call(j -> ttlMillis == 0 ? j.set(entry, json) : j.set(entry, json, new SetParams().px(ttlMillis)));
        client.eval(RedisScript.CACHE_INDEX_ADD, index, List.of(name, ttl));
    }

    @Override
    public boolean delete(String key) {
        return delete(List.of(keys.app(key)), List.of(keys.cache(key))) == 1L;
    }

    @Override
    public List<String> keys(KeyPattern pattern) {
        List<String> live = new ArrayList<>();
        forEachPage(pattern, (names, entries) -> {
            boolean[] exists = live(names, entries);
            for (int i = 0; i < names.size(); i++) {
                if (exists[i]) {
                    live.add(keys.full(names.get(i)));
                }
            }
        });
        return live;
    }

    @Override
    public long deleteMatching(KeyPattern pattern) {
        long[] deleted = {0};
        forEachPage(pattern, (names, entries) -> deleted[0] += delete(names, entries));
        return deleted[0];
    }

    /**
     * Reads the index in pages over the range of the pattern's literal head and hands on the names that match
     * the whole pattern, with their entries' keys.
     */
    private void forEachPage(KeyPattern pattern, Page page) {
        indexOlderEntries();
        KeyPattern names = NAMES.pattern("pattern", pattern.glob());
        String max = names.literalHeadEnd().map(end -> "(" + end).orElse("+");
        String min = "[" + names.literalHead();
        while (true) {
            String from = min;
            List<String> batch = client.call(j -> j.zrangeByLex(keys.cacheNames(), from, max, 0, PAGE));
            List<String> matching = new ArrayList<>(batch.size());
            List<String> entries = new ArrayList<>(batch.size());
            for (String name : batch) {
                if (names.matches(name)) {
                    matching.add(name);
                    entries.add(keys.cache(keys.full(name)));
                }
            }
            if (!matching.isEmpty()) {
                page.accept(matching, entries);
            }
            if (batch.size() < PAGE) {
                return;
            }
            min = "(" + batch.get(batch.size() - 1);
        }
    }

    /** Which entries exist; the names of the others leave the index. */
    private boolean[] live(List<String> names, List<String> entries) {
        boolean[] live = new boolean[names.size()];
        if (!client.isCluster()) {
            List<?> flags = (List<?>) client.eval(RedisScript.CACHE_LIVE, withIndex(entries), names);
            for (int i = 0; i < live.length; i++) {
                live[i] = RedisLockStorage.isOne(flags.get(i));
            }
            return live;
        }
        List<Boolean> exists = client.eachKey(entries, PipelineBase::exists, UnifiedJedis::exists);
        List<String> deadNames = new ArrayList<>();
        List<String> deadEntries = new ArrayList<>();
        for (int i = 0; i < live.length; i++) {
            live[i] = exists.get(i);
            if (!live[i]) {
                deadNames.add(names.get(i));
                deadEntries.add(entries.get(i));
            }
        }
        if (!deadNames.isEmpty()) {
            // remove first, then look again: a write that raced with the first check has re-added its name, or
            // its entry is seen now and the name goes back
            client.eval(RedisScript.CACHE_INDEX_REMOVE, index, deadNames);
            addNamesOfLive(deadNames, deadEntries);
        }
        return live;
    }

    /** Deletes entries and their names; returns how many entries were live. */
    private long delete(List<String> names, List<String> entries) {
        if (!client.isCluster()) {
            return (Long) client.eval(RedisScript.CACHE_DELETE, withIndex(entries), names);
        }
        // the name first: a write that recreates an entry after its deletion adds the name again afterwards
        client.eval(RedisScript.CACHE_INDEX_REMOVE, index, names);
        long deleted = 0;
        for (Long one : client.eachKey(entries, PipelineBase::del, UnifiedJedis::del)) {
            deleted += one;
        }
        return deleted;
    }

    /** Adds the names of the entries that exist, with their remaining TTL. */
    private void addNamesOfLive(List<String> names, List<String> entries) {
        List<Long> ttls = client.eachKey(entries, PipelineBase::pttl, UnifiedJedis::pttl);
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            long ttl = ttls.get(i);
            if (ttl != -2) { // -2: absent; -1: no expiry, written as 0
                pairs.add(names.get(i));
                pairs.add(ttl == -1 ? "0" : Long.toString(Math.max(ttl, 1)));
            }
        }
        for (int from = 0; from < pairs.size(); from += 2 * PAGE) {
            client.eval(RedisScript.CACHE_INDEX_ADD, index, pairs.subList(from, Math.min(pairs.size(), from + 2 * PAGE)));
        }
    }

    /**
     * Once per prefix: adds the names of entries written without the index (by an earlier version, by a store
     * with {@code redis.cache-index=false}, or by go-go-scope's Node adapter), then sets the marker. Several nodes
     * may do it at once: adding a name twice changes nothing, and expiries only grow.
     */
    private void indexOlderEntries() {
        if (indexed) {
            return;
        }
        String marker = keys.cacheIndexed();
        if (!client.call(j -> j.exists(marker))) {
            KeyPattern all = keys.cachePattern("*");
            client.scan(all.toRedisGlob(), batch -> {
                List<String> names = new ArrayList<>(batch.size());
                List<String> entries = new ArrayList<>(batch.size());
                for (String entry : batch) {
                    if (all.matches(entry)) {
                        entries.add(entry);
                        names.add(keys.app(keys.fromCache(entry)));
                    }
                }
                if (!entries.isEmpty()) {
                    addNamesOfLive(names, entries);
                }
            });
            client.call(j -> j.set(marker, "1"));
        }
        indexed = true;
    }

    private List<String> withIndex(List<String> entries) {
        List<String> scriptKeys = new ArrayList<>(entries.size() + 2);
        scriptKeys.addAll(index);
        scriptKeys.addAll(entries);
        return scriptKeys;
    }

    @FunctionalInterface
    private interface Page {
        void accept(List<String> names, List<String> entries);
    }
}
