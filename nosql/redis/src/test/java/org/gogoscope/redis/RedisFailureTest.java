package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Failures on a throwaway server of this test's own: killed connections and a stopped server surface as
 * {@link BackendException} naming backend and operation, within the timeout, and the adapter recovers without
 * reconnecting.
 */
class RedisFailureTest {

    private static RedisServers servers;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        servers = new RedisServers();
        port = servers.standalone();
    }

    @AfterAll
    static void stopServer() {
        if (servers != null) {
            servers.close();
        }
    }

    private static PersistenceAdapter adapter(String prefix) {
        PersistenceAdapter adapter = new RedisAdapter(RedisClientConfig.standalone("redis://127.0.0.1:" + port)
                .withPoolSize(4).withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500)), prefix);
        adapter.connect();
        return adapter;
    }

    @Test
    void killedConnectionsFailOneCallWithABackendExceptionAndTheNextCallWorks() throws Exception {
        try (PersistenceAdapter adapter = adapter("kill:")) {
            // open several pooled connections, then kill them all
            TestThreads.run(4, i -> adapter.cache().set("k" + i, i));
            try (Jedis admin = new Jedis("127.0.0.1", port)) {
                assertThat(admin.clientKill(new redis.clients.jedis.params.ClientKillParams()
                        .type(redis.clients.jedis.args.ClientType.NORMAL).skipMe(
                                redis.clients.jedis.params.ClientKillParams.SkipMe.YES))).isPositive();
            }
            assertThatThrownBy(() -> adapter.locks().acquire("lock", Duration.ofSeconds(5), "alice"))
                    .isInstanceOf(BackendException.class)
                    .hasMessageStartingWith("GOGO-0301: redis lock.acquire failed")
                    .satisfies(e -> {
                        assertThat(((BackendException) e).backend()).isEqualTo("redis");
                        assertThat(((BackendException) e).operation()).isEqualTo("lock.acquire");
                    });
            assertThat(adapter.locks().acquire("lock", Duration.ofSeconds(5), "alice")).isPresent();
            assertThat(adapter.cache().get("k1", Integer.class)).contains(1);
        }
    }

    @Test
    void aStoppedServerFailsFastAndARestartedOneServesAgain() throws Exception {
        int ownPort = servers.standalone();
        PersistenceAdapter adapter = new RedisAdapter(RedisClientConfig.standalone("redis://127.0.0.1:" + ownPort)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500)), "down:");
        try (adapter) {
            adapter.connect();
            adapter.cache().set("k", "v");
            servers.stop(ownPort);
            long start = System.nanoTime();
            assertThatThrownBy(() -> adapter.cache().get("k", String.class)).isInstanceOf(BackendException.class)
                    .hasMessageStartingWith("GOGO-0301: redis cache.get failed");
            assertThatThrownBy(() -> adapter.circuitBreakers().recordFailure("svc", 3))
                    .isInstanceOf(BackendException.class).hasMessageStartingWith("GOGO-0301: redis circuit.recordFailure failed");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            servers.restartStandalone(ownPort);
            assertThat(adapter.circuitBreakers().recordFailure("svc", 3)).isEqualTo(1);
        }
    }

    @Test
    void connectToAnAbsentServerIsABackendExceptionNamingConnect() {
        PersistenceAdapter adapter = new RedisAdapter(RedisClientConfig.standalone("redis://127.0.0.1:1")
                .withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300)), "");
        assertThatThrownBy(adapter::connect).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("GOGO-0301: redis connect failed");
        assertThat(adapter.isConnected()).isFalse();
    }

    @Test
    void aRefusedPortFailsConnectAtOnceNamingTheCauseAndTheAddressButNotThePassword() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PersistenceAdapter adapter = new RedisAdapter(RedisClientConfig.standalone("redis://:s3cret-pw@127.0.0.1:"
                + closedPort).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)), "");
        long start = System.nanoTime();
        assertThatThrownBy(adapter::connect).isInstanceOfSatisfying(BackendException.class, e ->
                assertThat(e.getMessage()).startsWith("GOGO-0301: redis connect failed: ")
                        .containsIgnoringCase("connection refused to 127.0.0.1:" + closedPort)
                        .doesNotContain("s3cret-pw"));
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsed).as("refused at once, not after the 5 s connect timeout: %d ms", elapsed)
                .isLessThan(2_000);
        assertThat(adapter.isConnected()).isFalse();
    }
}
