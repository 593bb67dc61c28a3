package org.gogoscope.redis;

import java.util.List;
import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

/**
 * The whole contract through a Sentinel (a throwaway master and one Sentinel on loopback), and the index and
 * counter checks of {@link RedisChecks}.
 */
class RedisSentinelConformanceTest extends ConformanceSuite {

    private static RedisServers servers;
    private static HostAndPort sentinel;

    @BeforeAll
    static void startSentinel() throws Exception {
        servers = new RedisServers();
        sentinel = servers.sentinel("gogo-master");
    }

    @AfterAll
    static void stopSentinel() {
        if (servers != null) {
            servers.close();
        }
    }

    @Override
    protected BackendFixture fixture() {
        return new RedisFixture(prefix -> new RedisAdapter(
                RedisClientConfig.sentinel("gogo-master", List.of(sentinel)).withPoolSize(8), prefix));
    }

    private RedisAdapter adapter(String prefix) {
        RedisAdapter adapter = new RedisAdapter(RedisClientConfig.sentinel("gogo-master", List.of(sentinel))
                .withPoolSize(8), prefix);
        adapter.connect();
        return adapter;
    }

    @Test
    void churnLeavesTheIndexAndTheFenceCountersBounded() {
        try (RedisAdapter adapter = adapter("churn:")) {
            RedisChecks.churnLeavesTheIndexAndTheFenceCountersBounded(adapter);
        }
    }

    @Test
    void hostileKeysAreListedByTheirLiteralHead() {
        try (RedisAdapter adapter = adapter("h%_*?[]\\'\";{}:")) {
            RedisChecks.hostileKeysAreListedByTheirLiteralHead(adapter);
        }
    }

    @Test
    void concurrentSetsAndDeletesNeverLoseALiveEntrysName() throws Exception {
        try (RedisAdapter adapter = adapter("race:")) {
            RedisChecks.concurrentSetsAndDeletesNeverLoseALiveEntrysName(adapter);
        }
    }
}
