package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.gogoscope.api.LockHandle;
import org.gogoscope.core.KeySpace;

/**
 * Checks of the cache index and the fencing counters that the standalone, Sentinel and Cluster tests each run on
 * their own topology. Each takes a connected adapter on a prefix of its own and inspects the raw keys through a
 * separate client of the same configuration.
 */
final class RedisChecks {

    /** What one write may trim of expired names ({@code cache_put.lua}, {@code cache_index_add.lua}). */
    static final int TRIM_PER_WRITE = 100;

    private RedisChecks() {
    }

    /**
     * 5,000 distinct cache keys with 20 ms TTLs, then 5,000 distinct lock keys acquired and released: every 250
     * writes, the names whose expiry passed are at most what one write trims (100), or fall to that within a few
     * more writes (after a pause of the client, a backlog takes one write per 100); a listing afterwards leaves
     * only live names; no fencing counter outlives its lock's TTL.
     */
    static void churnLeavesTheIndexAndTheFenceCountersBounded(RedisAdapter adapter) {
        RedisKeys keys = new RedisKeys(adapter.keyPrefix());
        try (RedisClient raw = raw(adapter)) {
            for (int i = 0; i < 5000; i++) {
                adapter.cache().set("churn:" + i, i, Duration.ofMillis(20));
                if (i % 250 == 249) {
                    int extraWrites = 0;
                    long expired;
                    while ((expired = expiredNames(raw, keys)) > TRIM_PER_WRITE) {
                        assertThat(extraWrites++).as("writes to trim %d expired names after %d writes", expired, i + 1)
                                .isLessThan(5);
                        adapter.cache().set("churn:" + i, i, Duration.ofMillis(20));
                    }
                }
            }
            sleep(100); // every churn entry has expired
            adapter.cache().set("stays", "v", Duration.ofMinutes(5));
            assertThat(adapter.cache().keys()).containsExactly("stays");
            assertThat(members(raw, keys.cacheNames())).containsExactly("stays");
            assertThat(zcard(raw, keys.cacheExpiry())).isEqualTo(1);

            long ttl = 200;
            for (int i = 0; i < 5000; i++) {
                LockHandle handle = adapter.locks().acquire("churn:" + i, Duration.ofMillis(ttl)).orElseThrow();
                if (i % 1000 == 0) {
                    String counter = keys.fence(adapter.keyPrefix() + "churn:" + i);
                    assertThat(pttl(raw, counter)).as("TTL of a fresh counter").isBetween(1L, ttl);
                }
                assertThat(handle.release()).isTrue();
            }
            sleep(ttl + 100);
            assertThat(fenceCounters(raw, adapter.keyPrefix())).as("fence counters of free locks past their TTL")
                    .isEmpty();
        }
    }

    /**
     * A breaker closed without failures (the initial state) expires after the retention; a failure keeps it for
     * good again, as does an open or half-open state written with {@code setState}; a closed state without failures
     * written with {@code setState} expires too.
     */
    static void closedBreakersWithoutFailuresExpireAndOthersStay(RedisAdapter adapter) {
        RedisKeys keys = new RedisKeys(adapter.keyPrefix());
        long retention = org.gogoscope.api.CircuitBreakerStateProvider.CLOSED_STATE_RETENTION.toMillis();
        var circuits = adapter.circuitBreakers();
        try (RedisClient raw = raw(adapter)) {
            String recovered = keys.circuit(adapter.keyPrefix() + "recovered");
            circuits.recordFailure("recovered", 5);
            assertThat(pttl(raw, recovered)).as("failing: no TTL").isEqualTo(-1L);
            circuits.recordSuccess("recovered");
            assertThat(pttl(raw, recovered)).as("closed without failures").isBetween(retention - 60_000, retention);
            circuits.recordFailure("recovered", 5);
            assertThat(pttl(raw, recovered)).as("failing again: the TTL is gone").isEqualTo(-1L);
            assertThat(circuits.getState("recovered")).get().extracting(s -> s.failureCount()).isEqualTo(1);

            circuits.setState("opened", new org.gogoscope.api.CircuitBreakerState(
                    org.gogoscope.api.CircuitState.OPEN, 3, java.time.Instant.now(), null));
            assertThat(pttl(raw, keys.circuit(adapter.keyPrefix() + "opened"))).isEqualTo(-1L);
            circuits.setState("reset", org.gogoscope.api.CircuitBreakerState.initial());
            assertThat(pttl(raw, keys.circuit(adapter.keyPrefix() + "reset"))).isBetween(retention - 60_000, retention);
        }
    }

    /**
     * Hostile prefixes and keys (metacharacters, braces, emoji, characters beyond the BMP, U+10FFFF): listing by
     * each literal head and clearing find exactly the right entries, and clearing leaves an empty index.
     */
    static void hostileKeysAreListedByTheirLiteralHead(RedisAdapter adapter) {
        List<String> hostile = List.of("%_*?[]\\'\";", "a}b", "}{", "{x}y", "\ud83d\ude00 smile", "\ud83d\ude00",
                "\ud800\udf48gothic", "\udbff\udfff", "\udbff\udfffz", "\u00e9:\u00fc", "line\nbreak", "plain");
        for (String key : hostile) {
            adapter.cache().set(key, key);
        }
        assertThat(adapter.cache().keys()).containsExactlyInAnyOrderElementsOf(hostile);
        for (String key : hostile) {
            List<String> startingWith = hostile.stream().filter(k -> k.startsWith(key)).toList();
            if (key.indexOf('*') >= 0 || key.indexOf('?') >= 0) { // its wildcards widen the match
                assertThat(adapter.cache().keys(key + "*")).as("keys like '%s*'", key).containsAll(startingWith);
            } else {
                assertThat(adapter.cache().keys(key)).containsExactly(key);
                assertThat(adapter.cache().keys(key + "*")).as("keys starting with '%s'", key)
                        .containsExactlyInAnyOrderElementsOf(startingWith);
            }
        }
        assertThat(adapter.cache().keys("\ud83d\ude00*")).containsExactlyInAnyOrder("\ud83d\ude00 smile",
                "\ud83d\ude00");
        assertThat(adapter.cache().keys("\udbff\udfff*")).containsExactlyInAnyOrder("\udbff\udfff", "\udbff\udfffz");
        assertThat(adapter.cache().keys("*}*")).containsExactlyInAnyOrder("a}b", "}{", "{x}y");
        assertThat(adapter.cache().clear()).isEqualTo(hostile.size());
        assertThat(adapter.cache().keys()).isEmpty();
        RedisKeys keys = new RedisKeys(adapter.keyPrefix());
        try (RedisClient raw = raw(adapter)) {
            assertThat(zcard(raw, keys.cacheNames())).isZero();
            assertThat(zcard(raw, keys.cacheExpiry())).isZero();
        }
    }

    /**
     * An entry deleted behind the adapter's back (another client, eviction) is not listed, and the listing
     * removes its name.
     */
    static void aListingDropsTheNamesOfVanishedEntries(RedisAdapter adapter) {
        RedisKeys keys = new RedisKeys(adapter.keyPrefix());
        adapter.cache().set("kept", 1);
        adapter.cache().set("vanished", 2);
        try (RedisClient raw = raw(adapter)) {
            raw.call(j -> j.del(keys.cache(adapter.keyPrefix() + "vanished")));
            assertThat(adapter.cache().keys()).containsExactly("kept");
            assertThat(members(raw, keys.cacheNames())).containsExactly("kept");
            assertThat(members(raw, keys.cacheExpiry())).containsExactly("kept");
        }
    }

    /**
     * Sets (with and without TTL) and deletes of the same few keys from several threads at once: afterwards every
     * live entry's name is in the index, which is what listings rely on.
     */
    static void concurrentSetsAndDeletesNeverLoseALiveEntrysName(RedisAdapter adapter) throws Exception {
        TestThreads.run(6, i -> {
            for (int n = 0; n < 10; n++) {
                String key = "race:" + ThreadLocalRandom.current().nextInt(8);
                switch (ThreadLocalRandom.current().nextInt(3)) {
                    case 0 -> adapter.cache().set(key, n);
                    case 1 -> adapter.cache().set(key, n, Duration.ofSeconds(30));
                    default -> adapter.cache().delete(key);
                }
            }
        });
        RedisKeys keys = new RedisKeys(adapter.keyPrefix());
        try (RedisClient raw = raw(adapter)) {
            Set<String> names = new HashSet<>(members(raw, keys.cacheNames()));
            for (int k = 0; k < 8; k++) {
                String key = "race:" + k;
                if (raw.call(j -> j.exists(keys.cache(adapter.keyPrefix() + key)))) {
                    assertThat(names).as("names in the index").contains(key);
                }
            }
        }
        Set<String> live = new HashSet<>();
        for (int k = 0; k < 8; k++) {
            if (adapter.cache().has("race:" + k)) {
                live.add("race:" + k);
            }
        }
        assertThat(adapter.cache().keys("race:*")).containsExactlyInAnyOrderElementsOf(live);
    }

    /** Names in the index whose recorded expiry passed (client clock, same machine, 5 ms earlier). */
    static long expiredNames(RedisClient raw, RedisKeys keys) {
        String before = "(" + (System.currentTimeMillis() - 5);
        return raw.call(j -> j.zcount(keys.cacheExpiry(), "-inf", before));
    }

    static long zcard(RedisClient raw, String key) {
        return raw.call(j -> j.zcard(key));
    }

    static List<String> members(RedisClient raw, String key) {
        return raw.call(j -> j.zrange(key, 0, -1));
    }

    static long pttl(RedisClient raw, String key) {
        return raw.call(j -> j.pttl(key));
    }

    /** The fencing counters of {@code prefix} (every master scanned). */
    static List<String> fenceCounters(RedisClient raw, String prefix) {
        List<String> found = new ArrayList<>();
        raw.scan(new KeySpace(prefix + "fence:", Integer.MAX_VALUE).all().toRedisGlob(), found::addAll);
        return found;
    }

    /** A client of the adapter's configuration, beside the adapter's own. */
    static RedisClient raw(RedisAdapter adapter) {
        return new RedisClient(adapter.config().open());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
