package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;

/**
 * {@code redis.wait-replicas} on a throwaway master with one replica: a grant, an extension and an idempotency
 * claim wait for the replica in the same round trip as their script, and one that fewer replicas acknowledged
 * than asked does not count (the grant or claim is released, the extension fails and the handle keeps its
 * previous expiry).
 */
class RedisReplicaWaitTest {

    private static final Duration WAIT = Duration.ofMillis(200);

    private static RedisServers servers;
    private static int master;
    private static int replica;

    @BeforeAll
    static void startServers() throws Exception {
        servers = new RedisServers();
        master = servers.standalone();
        replica = servers.replicaOf(master);
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    private static RedisClientConfig config(int replicas) {
        return RedisClientConfig.standalone("redis://127.0.0.1:" + master).withPoolSize(4)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)).withReplicaWait(replicas, WAIT);
    }

    private static RedisAdapter adapter(String prefix, int replicas) {
        RedisAdapter adapter = new RedisAdapter(config(replicas), prefix);
        adapter.connect();
        return adapter;
    }

    @Test
    void aGrantAndAnExtensionWaitForTheReplicaInTheSameRoundTrip() {
        AtomicInteger requests = new AtomicInteger();
        RedisAdapter adapter = new RedisAdapter(config(1), () -> {
            GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
            pool.setMaxTotal(1);
            return new JedisPooled(pool, new RedisRoundTripTest.CountingSockets("127.0.0.1", master, requests),
                    DefaultJedisClientConfig.builder().clientSetInfoConfig(ClientSetInfoConfig.DISABLED).build());
        }, "rt:");
        try (adapter; Jedis onReplica = new Jedis("127.0.0.1", replica)) {
            adapter.connect();
            LockHandle warmUp = adapter.locks().acquire("warm-up", Duration.ofSeconds(5)).orElseThrow();
            assertThat(warmUp.extend(Duration.ofSeconds(5))).isTrue();
            assertThat(warmUp.release()).isTrue();
            String lock = new RedisKeys("rt:").lock("rt:k");

            int before = requests.get();
            LockHandle handle = adapter.locks().acquire("k", Duration.ofSeconds(5), "alice").orElseThrow();
            assertThat(requests.get() - before).as("round trips of acquire with WAIT").isEqualTo(1);
            assertThat(onReplica.hget(lock, "token")).as("the replica has the grant when acquire returns")
                    .isEqualTo(Long.toString(handle.fencingToken()));

            before = requests.get();
            assertThat(handle.extend(Duration.ofSeconds(60))).isTrue();
            assertThat(requests.get() - before).as("round trips of extend with WAIT").isEqualTo(1);
            assertThat(onReplica.pttl(lock)).as("the replica has the extension when extend returns")
                    .isGreaterThan(30_000);

            before = requests.get();
            assertThat(adapter.locks().acquire("k", Duration.ofSeconds(5), "bob")).isEmpty();
            assertThat(requests.get() - before).as("round trips of a refused acquire with WAIT").isEqualTo(1);

            before = requests.get();
            assertThat(handle.release()).isTrue();
            assertThat(requests.get() - before).as("round trips of release (no WAIT)").isEqualTo(1);
        }
    }

    @Test
    void aGrantFewerReplicasAcknowledgedIsReleasedAndTheAcquireFails() {
        try (RedisAdapter waitsForTwo = adapter("short:", 2); RedisAdapter plain = adapter("short:", 0)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> waitsForTwo.locks().acquire("k", Duration.ofSeconds(30), "alice"))
                    .isInstanceOf(BackendException.class)
                    .hasMessageStartingWith("GOGO-0301: redis lock.acquire failed: granted on the master, but 1 of 2 "
                            + "replicas acknowledged it within 200 ms (redis.wait-replicas); the grant was released")
                    .hasCauseInstanceOf(ReplicaWaitException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited for the timeout")
                    .isGreaterThanOrEqualTo(WAIT);
            assertThat(plain.locks().inspect("k")).as("no grant left behind").isEmpty();
            LockHandle next = plain.locks().acquire("k", Duration.ofSeconds(5), "bob").orElseThrow();
            assertThat(next.release()).isTrue();
        }
    }

    /**
     * The release of a grant that too few replicas acknowledged names the grant's token: if the same owner (another
     * caller with the same owner string) was granted a renewal meanwhile, that renewal stays.
     */
    @Test
    void releasingAnUnacknowledgedGrantLeavesARenewalOfTheSameOwner() {
        try (RedisAdapter adapter = adapter("stale:", 0); Jedis jedis = new Jedis("127.0.0.1", master)) {
            LockHandle first = adapter.locks().acquire("k", Duration.ofSeconds(30), "alice").orElseThrow();
            LockHandle renewal = adapter.locks().acquire("k", Duration.ofSeconds(30), "alice").orElseThrow();
            String lock = new RedisKeys("stale:").lock("stale:k");
            assertThat(jedis.eval(RedisScript.LOCK_RELEASE.source(), List.of(lock),
                    List.of("alice", Long.toString(first.fencingToken())))).as("release of the first grant").isEqualTo(0L);
            assertThat(adapter.locks().inspect("k")).as("the renewal is still held")
                    .hasValueSatisfying(held -> assertThat(held.fencingToken()).isEqualTo(renewal.fencingToken()));
            assertThat(jedis.eval(RedisScript.LOCK_RELEASE.source(), List.of(lock),
                    List.of("alice", Long.toString(renewal.fencingToken())))).as("release of the renewal").isEqualTo(1L);
            assertThat(adapter.locks().inspect("k")).isEmpty();
        }
    }

    @Test
    void aClaimWaitsForTheReplicaAndOneFewerAcknowledgedIsReleasedAndFails() {
        try (RedisAdapter waitsForOne = adapter("claim:", 1); RedisAdapter waitsForTwo = adapter("claim:", 2);
                Jedis onReplica = new Jedis("127.0.0.1", replica)) {
            ClaimResult<String> claimed = waitsForOne.idempotency().claim("order-1", "f", Duration.ofSeconds(30),
                    String.class);
            assertThat(claimed).isInstanceOf(ClaimResult.Claimed.class);
            assertThat(onReplica.hget(new RedisKeys("claim:").idempotency("claim:order-1"), "status"))
                    .as("the replica has the claim when claim returns").isEqualTo("in_progress");

            assertThatThrownBy(() -> waitsForTwo.idempotency().claim("order-2", "f", Duration.ofSeconds(30),
                    String.class)).isInstanceOf(BackendException.class)
                    .hasMessageStartingWith("GOGO-0301: redis idempotency.claim failed: claimed on the master, but 1 "
                            + "of 2 replicas acknowledged it within 200 ms (redis.wait-replicas); the claim was released");
            assertThat(waitsForOne.idempotency().claim("order-2", "f", Duration.ofSeconds(30), String.class))
                    .as("nothing left behind").isInstanceOf(ClaimResult.Claimed.class);
            assertThat(waitsForTwo.idempotency().claim("order-1", "f", Duration.ofSeconds(30), String.class))
                    .as("a claim that finds a live one needs no replica").isInstanceOf(ClaimResult.InProgress.class);
        }
    }

    @Test
    void aRenewalFewerReplicasAcknowledgedLeavesTheOwnersEarlierGrant() {
        try (RedisAdapter waitsForOne = adapter("renew:", 1); RedisAdapter waitsForTwo = adapter("renew:", 2)) {
            LockHandle held = waitsForOne.locks().acquire("k", Duration.ofSeconds(30), "alice").orElseThrow();
            assertThatThrownBy(() -> waitsForTwo.locks().acquire("k", Duration.ofSeconds(30), "alice"))
                    .isInstanceOf(BackendException.class).hasMessageContaining("the owner's earlier grant stands");
            assertThat(waitsForOne.locks().inspect("k")).map(LockInfo::owner).contains("alice");
            assertThat(held.isValid()).isTrue();
            assertThat(held.release()).isTrue();
        }
    }

    /**
     * With the replica frozen (SIGSTOP, as a replica that lags), a grant fails and leaves nothing; an extension of
     * a grant made before fails and its handle stays valid until the expiry the replica acknowledged, no longer.
     */
    @Test
    void whileTheReplicaLagsGrantsAndExtensionsFailAndHandlesKeepTheAcknowledgedExpiry() throws Exception {
        try (RedisAdapter adapter = adapter("lag:", 1); RedisAdapter plain = adapter("lag:", 0)) {
            LockHandle held = adapter.locks().acquire("held", Duration.ofMillis(1500), "alice").orElseThrow();
            long acquired = System.nanoTime();
            servers.pause(replica);
            try {
                assertThatThrownBy(() -> adapter.locks().acquire("new", Duration.ofSeconds(30), "bob"))
                        .isInstanceOf(BackendException.class).hasMessageContaining("0 of 1 replicas");
                assertThat(plain.locks().inspect("new")).isEmpty();
                assertThatThrownBy(() -> held.extend(Duration.ofSeconds(60))).isInstanceOf(BackendException.class)
                        .hasMessageStartingWith("GOGO-0301: redis lock.extend failed: extended on the master, but 0 "
                                + "of 1 replicas acknowledged it within 200 ms")
                        .hasMessageContaining("the lock's previous expiry still applies");
                assertThat(held.isValid()).as("valid until the acknowledged expiry").isTrue();
                while (System.nanoTime() - acquired < Duration.ofMillis(1600).toNanos()) {
                    Thread.sleep(20);
                }
                assertThat(held.isValid()).as("not beyond the acknowledged expiry").isFalse();
            } finally {
                servers.resume(replica);
            }
            servers.awaitAcknowledged(new redis.clients.jedis.HostAndPort("127.0.0.1", master));
            LockHandle again = adapter.locks().acquire("new", Duration.ofSeconds(5), "bob").orElseThrow();
            assertThat(again.release()).isTrue();
        }
    }
}
