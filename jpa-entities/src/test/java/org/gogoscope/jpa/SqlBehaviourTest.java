package org.gogoscope.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.jpa.dialect.SqlDialect;
import org.gogoscope.jpa.dialect.SqlStatements;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the SQL backends promise beyond the contract: rows, tokens, collations, purging, time zones. */
class SqlBehaviourTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    static Stream<Arguments> all() {
        return RoundTripTest.all();
    }

    private static String prefix() {
        return "sb" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    private static String key(SqlSettings settings) {
        return settings.dialect() == Dialect.MYSQL ? "`key`" : "key";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void fencingTokensKeepGrowingWhenLockRowsAreDeletedBehindTheLibrarysBack(String name,
            Supplier<SqlSettings> settings) throws Exception {
        String prefix = prefix();
        PersistenceAdapter adapter = new SqlAdapter(settings.get(), prefix);
        adapter.connect();
        try (HikariDataSource raw = new HikariDataSource(OwnedPool.hikari(settings.get()))) {
            long last = 0;
            for (int i = 0; i < 5; i++) {
                LockHandle handle = adapter.locks().acquire("k", LONG, "owner-" + i).orElseThrow();
                assertThat(handle.fencingToken()).isGreaterThan(last);
                last = handle.fencingToken();
                assertThat(handle.release()).isTrue();
                assertThat(count(raw, settings.get(), prefix + "lock:k")).as("release keeps the row and its token")
                        .isEqualTo(1);
                if (i % 2 == 1) { // what the Node adapters' cleanup does to expired locks
                    Thread.sleep(2); // the documented limit: not within the clock's tick (1 ms on SQLite)
                    try (Connection c = raw.getConnection(); PreparedStatement s = c.prepareStatement(
                            "DELETE FROM go_goscope_locks WHERE " + key(settings.get()) + " = ?")) {
                        s.setString(1, prefix + "lock:k");
                        assertThat(s.executeUpdate()).isEqualTo(1);
                    }
                }
            }
        } finally {
            adapter.disconnect();
        }
    }

    private static int count(HikariDataSource raw, SqlSettings settings, String fullKey) throws SQLException {
        try (Connection c = raw.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM go_goscope_locks WHERE " + key(settings) + " = ?")) {
            s.setString(1, fullKey);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void keysDifferingInCaseOrTrailingSpacesAreDifferentKeys(String name, Supplier<SqlSettings> settings) {
        PersistenceAdapter adapter = new SqlAdapter(settings.get(), prefix());
        adapter.connect();
        try {
            adapter.cache().set("k", "plain");
            adapter.cache().set("k ", "space");
            adapter.cache().set("K", "upper");
            assertThat(adapter.cache().get("k", String.class)).contains("plain");
            assertThat(adapter.cache().get("k ", String.class)).contains("space");
            assertThat(adapter.cache().get("K", String.class)).contains("upper");
            assertThat(adapter.locks().acquire("lock", LONG, "Alice")).isPresent();
            assertThat(adapter.locks().acquire("lock", LONG, "alice")).as("owners are case-sensitive too").isEmpty();
            assertThat(adapter.locks().acquire("lock ", LONG, "bob")).isPresent();
            assertThat(adapter.cache().keys("k*")).containsExactlyInAnyOrder("k", "k ");
        } finally {
            adapter.disconnect();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void expiredRowsArePurgedInBoundedBatches(String name, Supplier<SqlSettings> settings) throws Exception {
        String prefix = prefix();
        SqlAdapter adapter = new SqlAdapter(settings.get().withPurge(Duration.ofHours(1), 3), prefix);
        adapter.connect();
        try (HikariDataSource raw = new HikariDataSource(OwnedPool.hikari(settings.get()))) {
            for (int i = 0; i < 7; i++) {
                adapter.cache().set("e" + i, i, Duration.ofMillis(1));
            }
            Thread.sleep(20);
            SqlStatements sql = settings.get().dialect().sql().statements();
            Db db = new Db(raw, 5, JtaSuspender.NONE, settings.get().dialect().sql());
            Purger purger = new Purger(SqlStatements.CACHE, db, sql.purge(SqlStatements.CACHE), 3);
            int rounds = 0;
            while (countCache(raw, settings.get(), prefix) > 0) {
                assertThat(purger.purgeNow()).as("one batch").isBetween(1, 3);
                assertThat(++rounds).as("rounds to purge 7 rows (and others' expired rows)").isLessThan(200);
            }
            assertThat(rounds).isGreaterThanOrEqualTo(3);
        } finally {
            adapter.disconnect();
        }
    }

    /**
     * A row the purge selected as expired but a writer set again before the purge deleted it stays: the purge waits
     * for the writer's transaction and checks the row again. (Before, PostgreSQL deleted the rows the inner selection
     * had picked by key alone, so an entry set again, or a lock granted again, in that moment was lost.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void aRowWrittenAgainWhileThePurgeWaitsForItStays(String name, Supplier<SqlSettings> settings) throws Exception {
        String prefix = prefix();
        SqlAdapter adapter = new SqlAdapter(settings.get().withPurge(Duration.ofHours(1), 5), prefix);
        adapter.connect();
        ExecutorService purging = Executors.newSingleThreadExecutor();
        try (HikariDataSource raw = new HikariDataSource(OwnedPool.hikari(settings.get()));
                Connection writer = raw.getConnection()) {
            adapter.cache().set("raced", "v", Duration.ofMillis(1));
            Thread.sleep(20);
            writer.setAutoCommit(false);
            try (PreparedStatement setAgain = writer.prepareStatement("UPDATE go_goscope_cache SET expires_at = "
                    + "'2999-01-01 00:00:00' WHERE " + key(settings.get()) + " LIKE ?")) {
                setAgain.setString(1, prefix + "%raced");
                assertThat(setAgain.executeUpdate()).isEqualTo(1);
            }
            SqlDialect dialect = settings.get().dialect().sql();
            Purger purger = new Purger(SqlStatements.CACHE, new Db(raw, 30, JtaSuspender.NONE, dialect),
                    dialect.statements().purge(SqlStatements.CACHE), 100_000);
            Future<Integer> purge = purging.submit(purger::purgeNow);
            Thread.sleep(500); // the purge has selected the row and waits for the writer's lock
            writer.commit();
            purge.get(30, TimeUnit.SECONDS);
            assertThat(adapter.cache().get("raced", String.class)).as("the entry set again").contains("v");
        } finally {
            purging.shutdownNow();
            adapter.disconnect();
        }
    }

    /**
     * Breaker states that are closed without failures are the initial state, which a missing row means too: the
     * purge deletes them once unchanged for the retention (here 0 ms instead of a day), and keeps every other state.
     * The adapter's own purge, with the day's retention, keeps a state written just now.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void closedBreakerStatesWithoutFailuresArePurgedAfterTheRetention(String name, Supplier<SqlSettings> settings)
            throws Exception {
        String prefix = prefix();
        SqlAdapter adapter = new SqlAdapter(settings.get().withPurge(Duration.ofHours(1), 5), prefix);
        adapter.connect();
        try (HikariDataSource raw = new HikariDataSource(OwnedPool.hikari(settings.get()))) {
            var circuits = adapter.circuitBreakers();
            for (int i = 0; i < 12; i++) {
                circuits.recordSuccess("clean-" + i);
            }
            circuits.recordFailure("recovered", 10);
            circuits.recordSuccess("recovered");
            circuits.recordFailure("failing", 10);
            circuits.recordFailure("open", 1);
            circuits.setState("half-open", new org.gogoscope.api.CircuitBreakerState(
                    org.gogoscope.api.CircuitState.HALF_OPEN, 0, null, null));
            adapter.purgeNow();
            assertThat(countTable(raw, settings.get(), "go_goscope_circuit", prefix))
                    .as("nothing is older than a day yet").isEqualTo(16);
            Thread.sleep(10);
            SqlDialect dialect = settings.get().dialect().sql();
            // the table is shared: other tests' (and tools') closed breakers go too, in batches of 1,000
            Purger immediate = new Purger(SqlStatements.CIRCUIT, new Db(raw, 30, JtaSuspender.NONE, dialect),
                    dialect.statements().purgeCircuits(), 1_000, "age", 0);
            int rounds = 0;
            while (countTable(raw, settings.get(), "go_goscope_circuit", prefix) > 3) {
                assertThat(immediate.purgeNow()).as("one batch").isBetween(1, 1_000);
                assertThat(++rounds).as("rounds to purge 13 rows (and others' closed rows)").isLessThan(1_000);
            }
            assertThat(circuits.getState("clean-0")).isEmpty();
            assertThat(circuits.getState("recovered")).isEmpty();
            assertThat(circuits.getState("failing")).get().extracting(s -> s.failureCount()).isEqualTo(1);
            assertThat(circuits.getState("open")).get().extracting(s -> s.state())
                    .isEqualTo(org.gogoscope.api.CircuitState.OPEN);
            assertThat(circuits.getState("half-open")).get().extracting(s -> s.state())
                    .isEqualTo(org.gogoscope.api.CircuitState.HALF_OPEN);
            assertThat(circuits.recordFailure("clean-0", 10)).as("a forgotten breaker starts from the initial state")
                    .isEqualTo(1);
        } finally {
            adapter.disconnect();
        }
    }

    /**
     * Under a churn of short-TTL writes far above what one batch per interval removes, the purge thread keeps up:
     * shortly after the churn ends no expired row of it is left, though nothing is written any more. (Before, a
     * node purged one batch per interval, piggy-backed on writes: the churn's rows stayed.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void expiredRowsStayBoundedUnderAChurnOfShortTtls(String name, Supplier<SqlSettings> settings) throws Exception {
        String prefix = prefix();
        int entries = 1_200;
        SqlAdapter adapter = new SqlAdapter(settings.get().withPurge(Duration.ofMillis(200), 50), prefix);
        adapter.connect();
        try (HikariDataSource raw = new HikariDataSource(OwnedPool.hikari(settings.get().withPoolSize(1)))) {
            long start = System.nanoTime();
            for (int i = 0; i < entries; i++) {
                adapter.cache().set("churn-" + i, i, Duration.ofMillis(20));
                adapter.idempotency().set("churn-" + i, i, Duration.ofMillis(20));
            }
            long churnMillis = (System.nanoTime() - start) / 1_000_000;
            long deadline = System.nanoTime() + 10_000_000_000L;
            int cache;
            int records;
            do {
                Thread.sleep(100);
                cache = countCache(raw, settings.get(), prefix);
                records = countTable(raw, settings.get(), "go_goscope_idempotency", prefix);
            } while ((cache > 0 || records > 0) && System.nanoTime() < deadline);
            assertThat(cache + records).as("expired rows left of %s written in %s ms (one batch of 50 per 200 ms "
                    + "would have removed at most %s)", 2 * entries, churnMillis, 50 * (churnMillis / 200 + 1))
                    .isZero();
        } finally {
            adapter.disconnect();
        }
    }

    /**
     * Lock rows of keys no longer used are deleted by the purge, and the next grant of such a key still gets a
     * greater fencing token than the deleted row held.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void freeLockRowsArePurgedAndTokensStillGrow(String name, Supplier<SqlSettings> settings) throws Exception {
        String prefix = prefix();
        SqlAdapter adapter = new SqlAdapter(settings.get().withPurge(Duration.ofHours(1), 7), prefix);
        adapter.connect();
        try (HikariDataSource raw = new HikariDataSource(OwnedPool.hikari(settings.get().withPoolSize(1)))) {
            long[] tokens = new long[30];
            for (int i = 0; i < tokens.length; i++) {
                LockHandle handle = adapter.locks().acquire("gone-" + i, i % 2 == 0 ? LONG : Duration.ofMillis(20))
                        .orElseThrow();
                tokens[i] = handle.fencingToken();
                if (i % 2 == 0) {
                    assertThat(handle.release()).isTrue();
                }
            }
            LockHandle held = adapter.locks().acquire("held", LONG).orElseThrow();
            assertThat(countTable(raw, settings.get(), "go_goscope_locks", prefix)).isEqualTo(31);
            // the same statement with an hour's grace: a free row whose token is that close to the clock stays
            SqlDialect dialect = settings.get().dialect().sql();
            Purger patient = new Purger(SqlStatements.LOCKS, new Db(raw, 5, JtaSuspender.NONE, dialect),
                    dialect.statements().purgeLocks(), 100, "grace", 3_600_000_000L);
            while (patient.purgeNow() > 0) {
                // other tests' rows may go
            }
            assertThat(countTable(raw, settings.get(), "go_goscope_locks", prefix))
                    .as("free rows are kept while their tokens are within the grace of the clock").isEqualTo(31);
            Thread.sleep(SqlAdapter.LOCK_ROW_GRACE_MICROS / 1000 + 50);
            adapter.purgeNow(); // batches of 7: several statements
            assertThat(countTable(raw, settings.get(), "go_goscope_locks", prefix)).as("only the held lock's row")
                    .isEqualTo(1);
            assertThat(held.isValid()).isTrue();
            for (int i = 0; i < tokens.length; i++) {
                assertThat(adapter.locks().acquire("gone-" + i, LONG).orElseThrow().fencingToken())
                        .isGreaterThan(tokens[i]);
            }
        } finally {
            adapter.disconnect();
        }
    }

    private static int countTable(HikariDataSource raw, SqlSettings settings, String table, String prefix)
            throws SQLException {
        try (Connection c = raw.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM " + table + " WHERE " + key(settings) + " LIKE ?")) {
            s.setString(1, prefix + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int countCache(HikariDataSource raw, SqlSettings settings, String prefix) throws SQLException {
        try (Connection c = raw.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM go_goscope_cache WHERE " + key(settings) + " LIKE ?")) {
            s.setString(1, prefix + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A denser race than the contract's: 16 threads on 4 nodes sweep 40 new keys in the same order. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void racesOnManyNewKeysHaveOneWinnerEachAndNeverThrow(String name, Supplier<SqlSettings> settings)
            throws Exception {
        String prefix = prefix();
        java.util.List<PersistenceAdapter> nodes = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            PersistenceAdapter node = new SqlAdapter(settings.get(), prefix);
            node.connect();
            nodes.add(node);
        }
        int keys = 40;
        java.util.concurrent.atomic.AtomicIntegerArray winners = new java.util.concurrent.atomic.AtomicIntegerArray(keys);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int k = 0; k < keys; k++) {
                        if (nodes.get(thread % 4).locks().acquire("race-" + k, LONG, "t" + thread).isPresent()) {
                            winners.incrementAndGet(k);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> future : futures) {
                future.get(120, java.util.concurrent.TimeUnit.SECONDS); // rethrows any exception
            }
            for (int k = 0; k < keys; k++) {
                assertThat(winners.get(k)).as("winners of race-%d", k).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
            nodes.forEach(PersistenceAdapter::disconnect);
        }
    }

    static Stream<Arguments> mysqlDrivers() {
        return Stream.of(Arguments.of("mariadb", (Supplier<SqlSettings>) TestDatabases::mariadb),
                Arguments.of("mysql-connector-j", (Supplier<SqlSettings>) TestDatabases::mysqlDriver));
    }

    /** The seeds' MySQL adapter depended on the session time zone; this one stores and compares UTC. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mysqlDrivers")
    void mysqlTimesAreUtcWhateverTheSessionTimeZone(String name, Supplier<SqlSettings> settings) throws Exception {
        SqlSettings base = settings.get();
        SqlSettings shifted = new SqlSettings(base.backend(), base.jdbcUrl() + (base.jdbcUrl().contains("?") ? "&" : "?")
                + "sessionVariables=time_zone='-09:30'", base.user(), base.password(), 2, null, null, true,
                base.timeout(), base.purgeInterval(), base.purgeBatch());
        String prefix = prefix();
        PersistenceAdapter adapter = new SqlAdapter(shifted, prefix);
        adapter.connect();
        try (HikariDataSource raw = new HikariDataSource(OwnedPool.hikari(shifted))) {
            try (Connection c = raw.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT @@session.time_zone")) {
                rs.next();
                assertThat(rs.getString(1)).as("the session really is shifted").isEqualTo("-09:30");
            }
            adapter.locks().acquire("tz", Duration.ofMillis(300), "a").orElseThrow();
            assertThat(adapter.locks().acquire("tz", LONG, "b")).isEmpty();
            try (Connection c = raw.getConnection(); PreparedStatement s = c.prepareStatement(
                    "SELECT TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(3), expires_at) FROM go_goscope_locks"
                            + " WHERE `key` = ?")) {
                s.setString(1, prefix + "lock:tz");
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1) / 1000).as("stored expiry is UTC now + ttl, in ms").isBetween(-2000L, 300L); // hours off if it were local time
                }
            }
            Thread.sleep(400);
            assertThat(adapter.locks().acquire("tz", LONG, "b")).isPresent();
        } finally {
            adapter.disconnect();
        }
    }
}
