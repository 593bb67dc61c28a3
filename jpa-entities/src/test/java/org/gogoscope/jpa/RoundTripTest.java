package org.gogoscope.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lock acquire, extend and release cost one round trip each; an idempotency replay (and a claim that meets a
 * call in progress) is one plain read, a first claim a read plus the claim (MySQL: plus its read-back). Counted twice: at the JDBC level (statements
 * executed and transaction-control calls, on every dialect) and on the wire through a TCP proxy (PostgreSQL and
 * MariaDB with both drivers), which would also show any exchange a driver adds on its own.
 */
class RoundTripTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    static Stream<Arguments> servers() {
        return Stream.of(Arguments.of("postgresql", (Supplier<SqlSettings>) TestDatabases::postgresql),
                Arguments.of("mariadb", (Supplier<SqlSettings>) TestDatabases::mariadb),
                Arguments.of("mysql-connector-j", (Supplier<SqlSettings>) TestDatabases::mysqlDriver));
    }

    static Stream<Arguments> all() {
        return Stream.concat(servers(), Stream.of(Arguments.of("sqlite", (Supplier<SqlSettings>) TestDatabases::sqlite)));
    }

    /** What one operation cost. */
    record Cost(int roundTrips, int executions, int transactionControl) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void eachLockOperationIsOneStatementWithoutTransactionControl(String name, Supplier<SqlSettings> settings)
            throws Exception {
        measure(settings.get().withPoolSize(1), null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void eachLockOperationIsOneRoundTripOnTheWire(String name, Supplier<SqlSettings> settings) throws Exception {
        InetSocketAddress server = TestDatabases.address(settings.get());
        try (RoundTripProxy proxy = new RoundTripProxy(server.getHostString(), server.getPort())) {
            measure(TestDatabases.through(settings.get(), proxy.port()).withPoolSize(1), proxy);
        }
    }

    private void measure(SqlSettings settings, RoundTripProxy proxy) throws Exception {
        try (HikariDataSource pool = new HikariDataSource(OwnedPool.hikari(settings))) {
            CountingDataSource counting = new CountingDataSource(pool);
            SqlAdapter adapter = new SqlAdapter(SqlSettings.dataSource(settings.backend(), counting.dataSource()),
                    "rt" + UUID.randomUUID().toString().substring(0, 8) + ":");
            adapter.connect();
            try {
                LockProvider locks = adapter.locks();
                for (int i = 0; i < 6; i++) { // warm up: pool filled, PostgreSQL switched to server-side statements
                    locks.acquire("warm", TTL, "w").orElseThrow().extend(TTL);
                    locks.release("warm", "w");
                }
                Cost acquire = cost(counting, proxy, () -> assertThat(locks.acquire("k", TTL, "alice")).isPresent());
                Cost refused = cost(counting, proxy, () -> assertThat(locks.acquire("k", TTL, "bob")).isEmpty());
                Cost extend = cost(counting, proxy, () -> assertThat(locks.extend("k", TTL, "alice")).isTrue());
                Cost release = cost(counting, proxy, () -> assertThat(locks.release("k", "alice")).isTrue());
                Cost reacquire = cost(counting, proxy, () -> {
                    LockHandle handle = locks.acquire("k", TTL, "bob").orElseThrow();
                    assertThat(handle.fencingToken()).isPositive();
                });
                int expectedTrips = proxy == null ? -1 : 1;
                for (Cost cost : new Cost[] {acquire, refused, extend, release, reacquire}) {
                    assertThat(cost).isEqualTo(new Cost(expectedTrips, 1, 0));
                }
                // idempotency: a replay is one plain read; a first claim reads, then claims (MySQL reads back too)
                IdempotencyProvider idempotency = adapter.idempotency();
                Cost first = cost(counting, proxy, () -> assertThat(idempotency.claim("op", "fp", TTL, String.class))
                        .isInstanceOf(ClaimResult.Claimed.class));
                String token = ((ClaimResult.Claimed<String>) idempotency.claim("op2", "fp", TTL, String.class))
                        .claimToken();
                assertThat(idempotency.complete("op2", token, "done", TTL)).isTrue();
                Cost replay = cost(counting, proxy, () -> assertThat(idempotency.claim("op2", "fp", TTL, String.class))
                        .isEqualTo(new ClaimResult.Completed<>("done")));
                Cost inProgress = cost(counting, proxy, () -> assertThat(idempotency.claim("op", "fp", TTL,
                        String.class)).isInstanceOf(ClaimResult.InProgress.class));
                int claimStatements = settings.backend().equals("postgresql") || settings.backend().equals("sqlite")
                        ? 2 : 3;
                assertThat(first).isEqualTo(new Cost(proxy == null ? -1 : claimStatements, claimStatements, 0));
                assertThat(replay).isEqualTo(new Cost(expectedTrips, 1, 0));
                assertThat(inProgress).isEqualTo(new Cost(expectedTrips, 1, 0));
                // the counters do see more: clearing the cache is two statements (live, then expired rows)
                Cost clear = cost(counting, proxy, () -> adapter.cache().clear());
                assertThat(clear).isEqualTo(new Cost(proxy == null ? -1 : 2, 2, 0));
            } finally {
                adapter.disconnect();
            }
        }
    }

    private static Cost cost(CountingDataSource counting, RoundTripProxy proxy, Runnable operation) {
        counting.reset();
        int before = proxy == null ? 0 : proxy.roundTrips.get();
        operation.run();
        int trips = proxy == null ? -1 : proxy.roundTrips.get() - before;
        return new Cost(trips, counting.executions.get(), counting.transactionControl.get());
    }
}
