package org.gogoscope.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.CircuitState;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.api.Test;

/**
 * Tables created by go-go-scope's Node adapters (the seeds' DDL, with their rows) are migrated on connect by
 * several nodes connecting at once, and keep working for both: the Node adapters' own inserts still succeed.
 * Each test works in a schema or database of its own, dropped at the end; the shared ones are never touched.
 */
class SchemaMigrationTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void postgresqlTablesOfTheNodeAdapterAreMigratedByConcurrentNodes() throws Exception {
        SqlSettings base = TestDatabases.postgresql();
        String schema = "gogoscope_mig_" + UUID.randomUUID().toString().substring(0, 8);
        try (HikariDataSource admin = new HikariDataSource(OwnedPool.hikari(base.withPoolSize(1)))) {
            execute(admin, "CREATE SCHEMA " + schema);
            try {
                SqlSettings settings = withUrl(base, base.jdbcUrl() + (base.jdbcUrl().contains("?") ? "&" : "?")
                        + "currentSchema=" + schema);
                try (HikariDataSource raw = new HikariDataSource(OwnedPool.hikari(settings.withPoolSize(1)))) {
                    for (String ddl : Schema.statements("seeds/postgresql-node.sql")) {
                        execute(raw, ddl);
                    }
                    execute(raw, "INSERT INTO go_goscope_locks (key, owner, expires_at) VALUES"
                            + " ('lock:legacy', 'node', TIMESTAMP '2000-01-01 00:00:00')");
                    execute(raw, "INSERT INTO go_goscope_cache (key, value) VALUES ('cache:from-node', '\"node\"')");
                    execute(raw, "INSERT INTO go_goscope_circuit (key, state, failure_count) VALUES ('circuit:svc', 'open', 4)");
                    // the Node adapter never prevented two ids with one task and sequence: the unique index must wait
                    execute(raw, "INSERT INTO go_goscope_checkpoints (id, task_id, sequence, timestamp, data) VALUES"
                            + " ('dup-1', 'old', 1, 0, '{}'), ('dup-2', 'old', 1, 0, '{}')");
                    List<PersistenceAdapter> nodes = connectConcurrently(settings, 4);
                    try {
                        assertMigratedAndWorking(nodes);
                        assertThat(strings(raw, "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                                + " AND tablename = 'go_goscope_locks'")).containsExactly("go_goscope_locks_pkey");
                        execute(raw, "INSERT INTO go_goscope_locks (key, owner, expires_at) VALUES"
                                + " ('lock:node-after', 'node', TIMESTAMP '2000-01-01 00:00:00')");
                        assertThat(nodes.get(0).locks().acquire("node-after", LONG, "java")).isPresent();
                    } finally {
                        nodes.forEach(PersistenceAdapter::disconnect);
                    }
                }
            } finally {
                execute(admin, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void mariadbTablesOfTheNodeAdapterGetBinaryKeysAndMillisecondsFromConcurrentNodes() throws Exception {
        SqlSettings base = TestDatabases.mariadb();
        String database = "gogoscope_mig_" + UUID.randomUUID().toString().substring(0, 8);
        try (HikariDataSource admin = new HikariDataSource(OwnedPool.hikari(base.withPoolSize(1)))) {
            execute(admin, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
            try {
                SqlSettings settings = withUrl(base, base.jdbcUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"));
                try (HikariDataSource raw = new HikariDataSource(OwnedPool.hikari(settings.withPoolSize(1)))) {
                    for (String ddl : Schema.statements("seeds/mysql-node.sql")) {
                        execute(raw, ddl);
                    }
                    execute(raw, "INSERT INTO go_goscope_locks (`key`, owner, expires_at) VALUES"
                            + " ('lock:legacy', 'node', '2000-01-01 00:00:00')");
                    execute(raw, "INSERT INTO go_goscope_cache (`key`, value) VALUES ('cache:from-node', '\"node\"')");
                    execute(raw, "INSERT INTO go_goscope_circuit (`key`, state, failure_count) VALUES ('circuit:svc', 'open', 4)");
                    List<PersistenceAdapter> nodes = connectConcurrently(settings, 4);
                    try {
                        assertMigratedAndWorking(nodes);
                        assertThat(strings(raw, "SELECT DISTINCT TABLE_COLLATION FROM information_schema.TABLES"
                                + " WHERE TABLE_SCHEMA = DATABASE()")).containsExactly("utf8mb4_nopad_bin");
                        assertThat(strings(raw, "SELECT DISTINCT DATETIME_PRECISION FROM information_schema.COLUMNS"
                                + " WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE = 'datetime'")).containsExactly("3");
                        assertThat(strings(raw, "SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS"
                                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'go_goscope_locks'"))
                                .containsExactly("PRIMARY");
                        assertThat(strings(raw, "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                                + " WHERE CONSTRAINT_SCHEMA = DATABASE()")).as("json_valid checks").isEmpty();
                        PersistenceAdapter node = nodes.get(0);
                        Object deep = "bottom"; // json_valid refuses 32+ levels: the migration dropped the check
                        for (int i = 0; i < 50; i++) {
                            deep = List.of(deep);
                        }
                        node.cache().set("deep", deep);
                        assertThat(node.cache().get("deep", Object.class)).contains(deep);
                        node.cache().set("Case", 1);
                        node.cache().set("case", 2);
                        assertThat(node.cache().get("Case", Integer.class)).contains(1);
                        execute(raw, "INSERT INTO go_goscope_locks (`key`, owner, expires_at) VALUES"
                                + " ('lock:node-after', 'node', '2000-01-01 00:00:00')");
                        assertThat(node.locks().acquire("node-after", LONG, "java")).isPresent();
                    } finally {
                        nodes.forEach(PersistenceAdapter::disconnect);
                    }
                }
            } finally {
                execute(admin, "DROP DATABASE " + database);
            }
        }
    }

    @Test
    void severalNodesCreateAFreshSqliteSchemaAtOnce() throws Exception {
        SqlSettings settings = SqlSettings.sqliteFile("target/sqlite/fresh-" + UUID.randomUUID() + ".db")
                .withPoolSize(2);
        List<PersistenceAdapter> nodes = connectConcurrently(settings, 4);
        try {
            assertThat(nodes.get(1).locks().acquire("k", LONG, "a")).isPresent();
            assertThat(nodes.get(2).locks().acquire("k", LONG, "b")).isEmpty();
        } finally {
            nodes.forEach(PersistenceAdapter::disconnect);
        }
    }

    /**
     * A node connecting while another connection holds the write lock of a file still in rollback-journal mode
     * waits for it (within the store's timeout) instead of failing with {@code SQLITE_BUSY}: switching the file to
     * WAL returns that at once, without the busy timeout, and the connect probe now asks again while the database
     * is only busy. (CI saw the probe of one of four nodes opening one fresh file fail so.)
     */
    @Test
    void aConnectWhileAnotherConnectionHoldsTheFilesLockWaitsForIt() throws Exception {
        String file = "target/sqlite/locked-" + UUID.randomUUID() + ".db";
        SqlSettings settings = SqlSettings.sqliteFile(file).withPoolSize(1);
        new java.io.File("target/sqlite").mkdirs();
        try (Connection holder = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement sql = holder.createStatement()) {
            holder.setAutoCommit(false);
            sql.execute("CREATE TABLE held (x INTEGER)"); // a rollback-journal file's write lock, until the commit
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<PersistenceAdapter> node = other.submit(() -> {
                    SqlAdapter adapter = new SqlAdapter(settings, "locked:");
                    adapter.connect();
                    return adapter;
                });
                Thread.sleep(700);
                holder.commit();
                PersistenceAdapter adapter = node.get(30, TimeUnit.SECONDS);
                try {
                    assertThat(adapter.locks().acquire("k", LONG, "a")).isPresent();
                } finally {
                    adapter.disconnect();
                }
            } finally {
                other.shutdownNow();
            }
        }
    }

    private static void assertMigratedAndWorking(List<PersistenceAdapter> nodes) {
        PersistenceAdapter node = nodes.get(0);
        long token = node.locks().acquire("legacy", LONG, "java").orElseThrow().fencingToken();
        assertThat(token).isPositive();
        assertThat(nodes.get(1).locks().acquire("legacy", LONG, "other")).isEmpty();
        assertThat(nodes.get(1).cache().get("from-node", String.class)).contains("node");
        assertThat(nodes.get(2).circuitBreakers().getState("svc").orElseThrow().state()).isEqualTo(CircuitState.OPEN);
        assertThat(nodes.get(2).circuitBreakers().recordFailure("svc", 10)).isEqualTo(5);
        assertThat(nodes.get(3).idempotency().claim("k", null, LONG, String.class))
                .isInstanceOf(org.gogoscope.api.ClaimResult.Claimed.class);
        node.checkpoints().save(new org.gogoscope.api.Checkpoint<>("c1", "t", 1, java.time.Instant.now(), 1, "d", null));
        assertThat(nodes.get(3).checkpoints().list("t", String.class)).hasSize(1);
    }

    private static List<PersistenceAdapter> connectConcurrently(SqlSettings settings, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<PersistenceAdapter>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<PersistenceAdapter> connect = () -> {
                    PersistenceAdapter adapter = new SqlAdapter(settings.withPoolSize(2), "");
                    start.await();
                    adapter.connect();
                    return adapter;
                };
                futures.add(pool.submit(connect));
            }
            start.countDown();
            List<PersistenceAdapter> nodes = new ArrayList<>();
            for (Future<PersistenceAdapter> future : futures) {
                nodes.add(future.get(60, TimeUnit.SECONDS));
            }
            return nodes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static SqlSettings withUrl(SqlSettings base, String url) {
        return new SqlSettings(base.backend(), url, base.user(), base.password(), base.poolSize(), null, null, true,
                base.timeout(), base.purgeInterval(), base.purgeBatch());
    }

    private static void execute(HikariDataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> strings(HikariDataSource dataSource, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
