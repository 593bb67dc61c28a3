package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The whole contract against a three-master Redis Cluster on loopback that this class starts and stops, plus
 * checks that keys spread over the masters, that SCAN finds keys on every master, and that a lock and its
 * fencing counter share a slot.
 */
class RedisClusterConformanceTest extends ConformanceSuite {

    private static RedisServers servers;
    private static List<HostAndPort> nodes;

    @BeforeAll
    static void startCluster() throws Exception {
        servers = new RedisServers();
        nodes = servers.cluster(3);
    }

    @AfterAll
    static void stopCluster() {
        if (servers != null) {
            servers.close();
        }
    }

    @Override
    protected BackendFixture fixture() {
        return new RedisFixture(prefix -> new RedisAdapter(RedisClientConfig.cluster(nodes).withPoolSize(8), prefix));
    }

    @Test
    void cacheKeysSpreadOverEveryMasterAndKeysScansThemAll() {
        try (PersistenceAdapter adapter = fixture().newAdapter("spread:")) {
            adapter.connect();
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                adapter.cache().set("k" + i, i, Duration.ofMinutes(1));
                expected.add("k" + i);
            }
            for (HostAndPort node : nodes) {
                try (Jedis jedis = new Jedis(node)) {
                    assertThat(jedis.scan("0", new ScanParams().match("spread:cache:*").count(1000)).getResult())
                            .as("keys on master %s", node).isNotEmpty();
                }
            }
            assertThat(adapter.cache().keys()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(adapter.cache().keys("k1?")).hasSize(10);
            assertThat(adapter.cache().clear()).isEqualTo(60);
            assertThat(adapter.cache().keys()).isEmpty();
        }
    }

    @Test
    void aLockAndItsFencingCounterShareASlotWhateverTheKey() {
        RedisKeys keys = new RedisKeys("p:");
        for (String key : List.of("orders", "a}b", "{x}y", "}{", "{}z", "user{42}", "é{ü}")) {
            String full = "p:" + key;
            assertThat(JedisClusterCRC16.getSlot(keys.fence(full))).as(key)
                    .isEqualTo(JedisClusterCRC16.getSlot(keys.lock(full)));
        }
        try (PersistenceAdapter adapter = fixture().newAdapter("slots:")) {
            adapter.connect();
            for (String key : List.of("a}b", "}{", "{}z", "plain")) {
                long first = adapter.locks().acquire(key, Duration.ofSeconds(5), "me").orElseThrow().fencingToken();
                assertThat(adapter.locks().forceRelease(key)).isTrue();
                assertThat(adapter.locks().acquire(key, Duration.ofSeconds(5), "you").orElseThrow().fencingToken())
                        .isGreaterThan(first);
            }
        }
    }
}
