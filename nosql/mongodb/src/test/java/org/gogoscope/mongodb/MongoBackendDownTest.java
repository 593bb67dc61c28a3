package org.gogoscope.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import org.gogoscope.mongodb.standin.MongoStandIn;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.gogoscope.api.BackendException;
import org.junit.jupiter.api.Test;

/** A server that is not there fails fast with a BackendException naming the backend and the operation. */
class MongoBackendDownTest {

    private static final Duration TIMEOUT = Duration.ofMillis(700);
    /** The timeout plus generous slack for a loaded 2-core machine. */
    private static final long BOUND_MILLIS = TIMEOUT.toMillis() + 4_000;

    @Test
    void connectingToAPortWithNothingListeningFailsWithinTheTimeout() throws IOException {
        MongoAdapter adapter = new MongoAdapter(MongoConfig.of("mongodb://127.0.0.1:" + freePort(), "test")
                .withTimeout(TIMEOUT), "down:");
        long start = System.nanoTime();
        assertThatThrownBy(adapter::connect).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("GOGO-0301: mongodb connect failed")
                .satisfies(e -> assertThat(((BackendException) e).backend()).isEqualTo("mongodb"));
        assertThat(millisSince(start)).isLessThan(BOUND_MILLIS);
        assertThat(adapter.isConnected()).isFalse();
    }

    @Test
    void aRefusedPortFailsConnectAtOnceNamingTheCauseAndTheAddressButNotThePassword() throws IOException {
        int port = freePort();
        Duration timeout = Duration.ofSeconds(5);
        MongoAdapter adapter = new MongoAdapter(MongoConfig.of("mongodb://gogo:s3cret-pw@127.0.0.1:" + port
                + "/?authSource=admin", "test").withTimeout(timeout), "down:");
        long start = System.nanoTime();
        assertThatThrownBy(adapter::connect).isInstanceOfSatisfying(BackendException.class, e ->
                assertThat(e.getMessage()).startsWith("GOGO-0301: mongodb connect failed: ")
                        .containsIgnoringCase("connection refused to 127.0.0.1:" + port)
                        .doesNotContain("s3cret-pw"));
        long elapsed = millisSince(start);
        assertThat(elapsed).as("refused at once, not after the 5 s server selection timeout: %d ms", elapsed)
                .isLessThan(2_000);
        assertThat(adapter.isConnected()).isFalse();
    }

    @Test
    void operationsFailWithinTheTimeoutWhenTheServerGoesAwayAndWorkWhenItIsBack() throws IOException {
        int port = freePort();
        MongoServer server = MongoStandIn.newServer();
        server.bind("127.0.0.1", port);
        MongoAdapter adapter = new MongoAdapter(MongoConfig.of("mongodb://127.0.0.1:" + port, "test")
                .withTimeout(TIMEOUT), "down:");
        try {
            adapter.connect();
            assertThat(adapter.locks().acquire("k", Duration.ofSeconds(30), "alice")).isPresent();
            server.shutdownNow();

            long start = System.nanoTime();
            assertThatThrownBy(() -> adapter.locks().acquire("k", Duration.ofSeconds(30), "bob"))
                    .isInstanceOf(BackendException.class).hasMessageStartingWith("GOGO-0301: mongodb lock.acquire failed")
                    .hasCauseInstanceOf(com.mongodb.MongoException.class);
            assertThat(millisSince(start)).isLessThan(BOUND_MILLIS);
            start = System.nanoTime();
            assertThatThrownBy(() -> adapter.cache().get("k", String.class)).isInstanceOf(BackendException.class)
                    .hasMessageStartingWith("GOGO-0301: mongodb cache.get failed");
            assertThat(millisSince(start)).isLessThan(BOUND_MILLIS);

            server = MongoStandIn.newServer(); // back, empty: the same adapter works again
            server.bind("127.0.0.1", port);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (true) {
                try {
                    adapter.cache().set("k", "v");
                    break;
                } catch (BackendException e) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("adapter did not recover within 10 s of the restart", e);
                    }
                }
            }
            assertThat(adapter.cache().get("k", String.class)).contains("v");
        } finally {
            adapter.disconnect();
            server.shutdownNow();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
