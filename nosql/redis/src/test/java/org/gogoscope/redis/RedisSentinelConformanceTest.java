package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

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

    /**
     * The README's ACL rule on the master (the sentinels are asked without credentials): locks, both cache listings
     * and idempotency work as that user, and a key outside the pattern is a BackendException naming NOPERM.
     */
    @Test
    void theDocumentedAclRuleIsEnoughBehindASentinel() {
        HostAndPort master;
        try (Jedis jedis = new Jedis(sentinel)) {
            master = jedis.sentinelGetMasterAddrByName("gogo-master").stream().reduce((host, port) -> host + ":" + port)
                    .map(HostAndPort::from).orElseThrow();
        }
        try (Jedis jedis = new Jedis(master)) {
            jedis.aclSetUser("gogo-sentinel-app", ("on >se-Pw resetkeys ~acl:* resetchannels -@all "
                    + RedisAclConformanceTest.COMMANDS).split(" "));
        }
        for (boolean index : List.of(true, false)) {
            try (PersistenceAdapter adapter = new RedisAdapter(RedisClientConfig.sentinel("gogo-master",
                    List.of(sentinel)).withCredentials("gogo-sentinel-app", "se-Pw").withCacheIndex(index), "acl:")) {
                adapter.connect();
                for (int i = 0; i < 20; i++) {
                    adapter.cache().set("k" + i, i, Duration.ofMinutes(1));
                }
                assertThat(adapter.cache().keys("k1*")).hasSize(11);
                assertThat(adapter.cache().clear()).isEqualTo(20);
                LockHandle lock = adapter.locks().acquire("job", Duration.ofSeconds(5), "me").orElseThrow();
                assertThat(lock.release()).isTrue();
                adapter.idempotency().set("op", "done", Duration.ofSeconds(30));
                assertThat(adapter.idempotency().delete("op")).isTrue();
            }
        }
        try (PersistenceAdapter outside = new RedisAdapter(RedisClientConfig.sentinel("gogo-master",
                List.of(sentinel)).withCredentials("gogo-sentinel-app", "se-Pw"), "other:")) {
            outside.connect();
            assertThatThrownBy(() -> outside.locks().acquire("job", Duration.ofSeconds(5), "me"))
                    .isInstanceOf(BackendException.class).hasMessageContaining("NOPERM");
        }
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
