package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * The cache index and the fencing counters on the shared standalone server (127.0.0.1:6379): bounded under churn,
 * hostile prefixes and keys, names of vanished entries dropped, no name lost under concurrent writes, entries
 * written without the index (earlier versions, {@code redis.cache-index=false}, the Node adapter) indexed once.
 * Each test uses prefixes of its own and deletes their keys afterwards.
 */
class RedisCacheIndexTest {

    private final String base = "ix" + UUID.randomUUID().toString().substring(0, 8);
    private final List<RedisAdapter> adapters = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        adapters.forEach(RedisAdapter::disconnect);
        try (JedisPooled jedis = new JedisPooled(URI.create(RedisStandaloneConformanceTest.URI))) {
            prefixes.forEach(prefix -> RedisStandaloneConformanceTest.deleteUnder(jedis, prefix));
        }
    }

    private RedisAdapter adapter(String prefix, boolean cacheIndex) {
        prefixes.add(prefix);
        RedisAdapter adapter = new RedisAdapter(RedisClientConfig.standalone(RedisStandaloneConformanceTest.URI)
                .withPoolSize(8).withCacheIndex(cacheIndex), prefix);
        adapters.add(adapter);
        adapter.connect();
        return adapter;
    }

    @Test
    void churnLeavesTheIndexAndTheFenceCountersBounded() {
        RedisChecks.churnLeavesTheIndexAndTheFenceCountersBounded(adapter(base + ":", true));
    }

    @Test
    void closedBreakersWithoutFailuresExpireAndOthersStay() {
        RedisChecks.closedBreakersWithoutFailuresExpireAndOthersStay(adapter(base + ":", true));
    }

    @Test
    void hostileKeysAreListedByTheirLiteralHeadUnderHostilePrefixes() {
        for (String prefix : List.of(base + ":", base + "%_*?[]\\'\";:", base + "{7}:", base + "a{}b:",
                base + "x}y:", base + "\ud83d\ude00:")) {
            RedisChecks.hostileKeysAreListedByTheirLiteralHead(adapter(prefix, true));
        }
    }

    @Test
    void aListingDropsTheNamesOfVanishedEntries() {
        RedisChecks.aListingDropsTheNamesOfVanishedEntries(adapter(base + ":", true));
    }

    @Test
    void concurrentSetsAndDeletesNeverLoseALiveEntrysName() throws Exception {
        RedisChecks.concurrentSetsAndDeletesNeverLoseALiveEntrysName(adapter(base + ":", true));
    }

    /**
     * Entries that exist without a name (written by an earlier version or the Node adapter) are indexed by the
     * first listing, which leaves the marker; an adapter with {@code redis.cache-index=false} writes no index,
     * lists with SCAN, and removes the marker on connect, so the next indexing adapter indexes its entries too.
     */
    @Test
    void entriesWrittenWithoutTheIndexAreIndexedOnce() {
        String prefix = base + ":";
        RedisKeys keys = new RedisKeys(prefix);
        try (JedisPooled raw = new JedisPooled(URI.create(RedisStandaloneConformanceTest.URI))) {
            prefixes.add(prefix);
            raw.set(keys.cache(prefix + "old:1"), "1");
            raw.set(keys.cache(prefix + "old:2"), "2", new redis.clients.jedis.params.SetParams().px(60_000));

            RedisAdapter indexing = adapter(prefix, true);
            assertThat(raw.exists(keys.cacheIndexed())).isFalse();
            assertThat(indexing.cache().keys("old:*")).containsExactlyInAnyOrder("old:1", "old:2");
            assertThat(raw.exists(keys.cacheIndexed())).as("marker after the first listing").isTrue();
            assertThat(raw.zrange(keys.cacheNames(), 0, -1)).containsExactly("old:1", "old:2");
            assertThat(raw.zscore(keys.cacheExpiry(), "old:1")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(raw.zscore(keys.cacheExpiry(), "old:2")).isBetween(
                    (double) System.currentTimeMillis(), System.currentTimeMillis() + 61_000.0);

            RedisAdapter scanning = adapter(prefix, false);
            assertThat(raw.exists(keys.cacheIndexed())).as("marker after a connect without the index").isFalse();
            scanning.cache().set("node:1", 1);
            assertThat(raw.zscore(keys.cacheNames(), "node:1")).as("no index writes").isNull();
            assertThat(scanning.cache().keys()).containsExactlyInAnyOrder("old:1", "old:2", "node:1");
            assertThat(scanning.cache().delete("old:1")).isTrue();

            RedisAdapter next = adapter(prefix, true);
            assertThat(next.cache().keys()).containsExactlyInAnyOrder("old:2", "node:1");
            assertThat(next.cache().clear()).isEqualTo(2);
            assertThat(scanning.cache().keys()).isEmpty();
        }
    }
}
