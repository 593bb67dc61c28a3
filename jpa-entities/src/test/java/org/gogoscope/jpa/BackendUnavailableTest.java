package org.gogoscope.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database that is down, hung or lost mid-flight gives a {@link BackendException} naming the backend and the
 * operation within the configured timeout (plus slack for a loaded machine), never a raw driver exception or a
 * hang; once it is back, calls work again without reconnecting.
 */
class BackendUnavailableTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** The bound we assert: the configured timeout plus slack for a machine shared with other builds. */
    private static final long BOUND_MILLIS = TIMEOUT.toMillis() * 2 + 2000;

    static Stream<Arguments> servers() {
        return RoundTripTest.servers();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aRefusedConnectionFailsConnectNamingTheBackend(String name, Supplier<SqlSettings> settings) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PersistenceAdapter adapter = new SqlAdapter(TestDatabases.through(settings.get(), closedPort)
                .withTimeout(TIMEOUT), "down:");
        assertFailsInTime(adapter::connect, settings.get().backend(), "connect");
        assertThat(adapter.isConnected()).isFalse();
    }

    /**
     * With the default 5 s timeout a refused port fails connect at once, not after the pool's wait, and the
     * message names what happened to which address; a call after a successful connect names it too.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aRefusedPortFailsConnectAtOnceNamingTheCauseAndTheAddress(String name, Supplier<SqlSettings> settings)
            throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PersistenceAdapter adapter = new SqlAdapter(TestDatabases.through(settings.get(), closedPort), "down:");
        long start = System.nanoTime();
        assertThatThrownBy(adapter::connect).isInstanceOfSatisfying(BackendException.class, e -> {
            assertThat(e.getMessage()).startsWith("GOGO-0301: " + settings.get().backend() + " connect failed")
                    .containsIgnoringCase("refused").contains(String.valueOf(closedPort));
        });
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsed).as("refused at once, not after the 5 s pool wait: %d ms", elapsed).isLessThan(2_000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aCallToAServerThatWentAwayNamesTheCause(String name, Supplier<SqlSettings> settings) throws Exception {
        InetSocketAddress server = TestDatabases.address(settings.get());
        try (RoundTripProxy proxy = new RoundTripProxy(server.getHostString(), server.getPort())) {
            PersistenceAdapter adapter = new SqlAdapter(TestDatabases.through(settings.get(), proxy.port())
                    .withTimeout(TIMEOUT).withPoolSize(1), "gone" + System.nanoTime() + ":");
            adapter.connect();
            try {
                proxy.close(); // the port refuses from now on, and the pooled connection is dead
                BackendException last = null;
                for (int i = 0; i < 3; i++) { // the first call may meet the dead connection, the next a new one
                    try {
                        adapter.cache().get("x", String.class);
                    } catch (BackendException e) {
                        last = e;
                    }
                }
                assertThat(last).as("calls fail").isNotNull();
                assertThat(last.getMessage()).as(last.getMessage()).containsIgnoringCase("refused");
            } finally {
                adapter.disconnect();
            }
        }
    }

    /**
     * With the default 5 s timeout, calls to a server that went away and now refuses connections fail at once
     * naming the cause, not each after the pool's whole wait: the first may still meet the dead pooled connection,
     * every later one is refused in milliseconds.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void callsToAServerThatWentAwayFailAtOnceOnceItRefuses(String name, Supplier<SqlSettings> settings)
            throws Exception {
        InetSocketAddress server = TestDatabases.address(settings.get());
        try (RoundTripProxy proxy = new RoundTripProxy(server.getHostString(), server.getPort())) {
            PersistenceAdapter adapter = new SqlAdapter(TestDatabases.through(settings.get(), proxy.port())
                    .withTimeout(Duration.ofSeconds(5)).withPoolSize(2), "gone" + System.nanoTime() + ":");
            adapter.connect();
            try {
                proxy.close(); // the port refuses from now on, and the pooled connections are dead
                long[] millis = new long[4];
                BackendException[] failures = new BackendException[millis.length];
                for (int i = 0; i < millis.length; i++) {
                    long start = System.nanoTime();
                    try {
                        adapter.cache().get("x", String.class);
                    } catch (BackendException e) {
                        failures[i] = e;
                    }
                    millis[i] = (System.nanoTime() - start) / 1_000_000;
                }
                String figures = java.util.Arrays.toString(millis) + " ms";
                System.out.println("callsToAServerThatWentAway " + name + ": " + figures);
                for (int i = 2; i < millis.length; i++) { // the first two may meet the two dead connections
                    assertThat(failures[i]).as("call %d fails: %s", i + 1, figures).isNotNull();
                    assertThat(failures[i].getMessage()).as(figures).containsIgnoringCase("refused")
                            .contains(String.valueOf(proxy.port()));
                    assertThat(millis[i]).as("call %d, not the 5 s pool wait: %s", i + 1, figures)
                            .isLessThan(2_000);
                }
            } finally {
                adapter.disconnect();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aHungServerFailsConnectWithinTheTimeout(String name, Supplier<SqlSettings> settings) throws Exception {
        InetSocketAddress server = TestDatabases.address(settings.get());
        try (RoundTripProxy proxy = new RoundTripProxy(server.getHostString(), server.getPort())) {
            proxy.goSilent();
            PersistenceAdapter adapter = new SqlAdapter(TestDatabases.through(settings.get(), proxy.port())
                    .withTimeout(TIMEOUT), "hung:");
            assertFailsInTime(adapter::connect, settings.get().backend(), "connect");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aServerLostMidFlightFailsCallsInTimeAndRecovers(String name, Supplier<SqlSettings> settings)
            throws Exception {
        InetSocketAddress server = TestDatabases.address(settings.get());
        try (RoundTripProxy proxy = new RoundTripProxy(server.getHostString(), server.getPort())) {
            PersistenceAdapter adapter = new SqlAdapter(TestDatabases.through(settings.get(), proxy.port())
                    .withTimeout(TIMEOUT).withPoolSize(2), "lost" + System.nanoTime() + ":");
            adapter.connect();
            try {
                assertThat(adapter.locks().acquire("k", Duration.ofMillis(500), "a")).isPresent();
                proxy.goSilent();
                for (int i = 0; i < 3; i++) { // dropped connections, then hung new ones
                    assertFailsInTime(() -> adapter.locks().acquire("k", Duration.ofSeconds(5), "b"),
                            settings.get().backend(), "lock.acquire");
                }
                assertFailsInTime(() -> adapter.cache().get("x", String.class), settings.get().backend(),
                        "cache.get");
                proxy.recover();
                long deadline = System.nanoTime() + 15_000_000_000L;
                boolean recovered = false;
                while (!recovered && System.nanoTime() < deadline) {
                    try {
                        recovered = adapter.locks().acquire("k", Duration.ofSeconds(5), "b").isPresent();
                    } catch (BackendException e) {
                        Thread.sleep(100); // the pool replaces its broken connections
                    }
                }
                assertThat(recovered).as("calls work again once the server is back").isTrue();
            } finally {
                adapter.disconnect();
            }
        }
    }

    /**
     * A release that could not reach the database changes nothing in the handle: once the database is back, the
     * same handle releases the lock (before, the failed call had used up the handle and the lock stayed until its
     * TTL).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aReleaseThatFailedCanBeRetriedUntilOneGetsThrough(String name, Supplier<SqlSettings> settings)
            throws Exception {
        InetSocketAddress server = TestDatabases.address(settings.get());
        try (RoundTripProxy proxy = new RoundTripProxy(server.getHostString(), server.getPort())) {
            PersistenceAdapter adapter = new SqlAdapter(TestDatabases.through(settings.get(), proxy.port())
                    .withTimeout(TIMEOUT).withPoolSize(2), "retry" + System.nanoTime() + ":");
            adapter.connect();
            try {
                LockHandle handle = adapter.locks().acquire("k", Duration.ofMinutes(5), "a").orElseThrow();
                proxy.goSilent();
                assertFailsInTime(handle::release, settings.get().backend(), "lock.release");
                assertFailsInTime(handle::close, settings.get().backend(), "lock.release");
                proxy.recover();
                long deadline = System.nanoTime() + 15_000_000_000L;
                boolean released = false;
                while (!released && System.nanoTime() < deadline) {
                    try {
                        released = handle.release();
                        assertThat(released).as("the retried release removed the lock").isTrue();
                    } catch (BackendException e) {
                        Thread.sleep(100); // the pool replaces its broken connections
                    }
                }
                assertThat(released).isTrue();
                assertThat(handle.release()).as("at most one release succeeds").isFalse();
                assertThat(adapter.locks().acquire("k", Duration.ofSeconds(5), "b")).as("free at once, not after "
                        + "the TTL").isPresent();
            } finally {
                adapter.disconnect();
            }
        }
    }

    @Test
    void anUnusableSqliteFileFailsConnectNamingTheBackend() {
        PersistenceAdapter adapter = new SqlAdapter(SqlSettings.sqliteFile("/proc/gogoscope/cannot.db")
                .withTimeout(TIMEOUT), "x:");
        assertFailsInTime(adapter::connect, "sqlite", "connect");
    }

    private static void assertFailsInTime(Runnable call, String backend, String operation) {
        long start = System.nanoTime();
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BackendException.class, e -> {
            assertThat(e.backend()).isEqualTo(backend);
            assertThat(e.operation()).isEqualTo(operation);
            assertThat(e.getMessage()).startsWith("GOGO-0301: " + backend + " " + operation + " failed");
        });
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsed).as("%s %s failed after %d ms", backend, operation, elapsed).isLessThan(BOUND_MILLIS);
    }
}
