package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A throwaway PostgreSQL, MariaDB and Redis (durable configurations) crash twice under a steady mixed load
 * and come back on the same port. During each outage every call fails with a {@link BackendException} of
 * that backend within the configured timeout (plus slack); after the restart the same adapter serves again
 * within seconds; every checkpoint and idempotency result whose save returned is still there; the adapter
 * never holds more server connections than its pool size, and none after disconnect.
 */
class ServerRestartTest {

    private static final int POOL = 4;
    private static final int THREADS = 4;
    private static final int CYCLES = 2;
    private static final Duration OUTAGE = Duration.ofSeconds(3);
    private static final long RECOVERY_BOUND_MS = 15_000;

    static Stream<Arguments> servers() {
        Callable<ThrowawayServer> pg = ThrowawayPostgres::new;
        Callable<ThrowawayServer> maria = ThrowawayMariaDb::new;
        Callable<ThrowawayServer> redis = ThrowawayRedis::new;
        return Stream.of(Arguments.of("postgresql", pg, Duration.ofSeconds(1)),
                Arguments.of("mariadb", maria, Duration.ofSeconds(1)),
                Arguments.of("redis", redis, Duration.ofMillis(500)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void crashAndRestartUnderLoad(String name, Callable<ThrowawayServer> make, Duration timeout) throws Exception {
        long boundMs = timeout.toMillis() * 2 + 2000; // socket timeout is up to twice the timeout, plus slack
        try (ThrowawayServer server = make.call()) {
            server.start();
            PersistenceAdapter adapter = server.adapter("restart:", timeout, POOL);
            adapter.connect();
            Load load = new Load(adapter, THREADS);
            try {
                Thread.sleep(1500);
                assertThat(load.calls).as("calls before the first crash").isNotEmpty()
                        .allSatisfy(call -> assertThat(call.error()).as(call.operation()).isNull());
                assertThat(server.clientConnections()).as("connections while healthy").isBetween(1, POOL);
                for (int cycle = 1; cycle <= CYCLES; cycle++) {
                    long crashStart = System.nanoTime();
                    server.crash();
                    long down = System.nanoTime();
                    Thread.sleep(OUTAGE.toMillis());
                    long restartStart = System.nanoTime();
                    server.start();
                    long up = System.nanoTime();
                    long firstOk = awaitFirstSuccess(load, up);
                    long deadline = up + RECOVERY_BOUND_MS * 1_000_000;
                    while (!load.allSucceededSince(up) && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    long allOk = System.nanoTime();
                    assertThat(load.allSucceededSince(up)).as("every load thread succeeds again within %d ms",
                            RECOVERY_BOUND_MS).isTrue();
                    List<Load.Call> outage = load.calls.stream()
                            .filter(c -> c.start() >= down && c.end() <= restartStart).toList();
                    long slowest = load.calls.stream().filter(c -> c.start() >= crashStart && c.end() <= up)
                            .mapToLong(Load.Call::millis).max().orElse(0);
                    System.out.printf("RESTART %-10s cycle=%d outageCalls=%d (all failed: %s) slowestFailure=%dms"
                            + " bound=%dms restartTook=%dms recoveryFirstCall=%dms recoveryAllThreads=%dms%n",
                            name, cycle, outage.size(), outage.stream().allMatch(c -> c.error() != null), slowest,
                            boundMs, (up - restartStart) / 1_000_000, (firstOk - up) / 1_000_000,
                            (allOk - up) / 1_000_000);
                    assertThat(outage).as("calls while the server was down").hasSizeGreaterThanOrEqualTo(THREADS)
                            .allSatisfy(call -> assertThat(call.error()).as(call.operation()).isNotNull());
                    Thread.sleep(500);
                    assertThat(server.clientConnections()).as("connections after restart %d", cycle)
                            .isBetween(1, POOL);
                }
            } finally {
                load.close();
            }
            assertTyped(load, name, boundMs);
            assertAcknowledgedWritesSurvived(adapter, load);
            assertThat(server.clientConnections()).as("connections before disconnect").isLessThanOrEqualTo(POOL);
            adapter.disconnect();
            ThrowawayServer.await("no connections left after disconnect", () -> {
                try {
                    return server.clientConnections() == 0;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static long awaitFirstSuccess(Load load, long since) throws InterruptedException {
        long deadline = since + RECOVERY_BOUND_MS * 1_000_000;
        while (System.nanoTime() < deadline) {
            long first = load.calls.stream().filter(c -> c.error() == null && c.start() >= since)
                    .mapToLong(Load.Call::end).min().orElse(0);
            if (first != 0) {
                return first;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no call succeeded within " + RECOVERY_BOUND_MS + " ms of the restart");
    }

    /** Every failure is the library's typed exception, of this backend, and no call took longer than the bound. */
    private static void assertTyped(Load load, String backend, long boundMs) {
        long failures = load.calls.stream().filter(c -> c.error() != null).count();
        assertThat(failures).as("failures seen").isPositive();
        assertThat(load.calls).allSatisfy(call -> {
            assertThat(call.millis()).as("%s took %d ms", call.operation(), call.millis()).isLessThan(boundMs);
            if (call.error() != null) {
                assertThat(call.error()).as("%s failed with", call.operation()).isInstanceOf(BackendException.class);
                assertThat(((BackendException) call.error()).backend()).isEqualTo(backend);
            }
        });
    }

    private static void assertAcknowledgedWritesSurvived(PersistenceAdapter adapter, Load load) {
        assertThat(load.ackedCheckpoints).isNotEmpty();
        for (String id : load.ackedCheckpoints) {
            assertThat(adapter.checkpoints().load(id, Map.class)).as("acknowledged checkpoint %s", id).isPresent();
        }
        for (String key : load.ackedResults) {
            assertThat(adapter.idempotency().get(key, Integer.class)).as("acknowledged result %s", key).isPresent();
        }
        System.out.printf("DURABLE %-10s acknowledged checkpoints=%d results=%d all present after %d crashes%n",
                adapter.backend(), load.ackedCheckpoints.size(), load.ackedResults.size(), CYCLES);
    }
}
