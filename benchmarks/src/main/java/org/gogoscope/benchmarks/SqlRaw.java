package org.gogoscope.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The raw floor on a SQL database: one prepared statement per step on a HikariCP pool configured like the
 * adapter's, on tables {@code gogobench_raw_*} of its own (created if absent, never dropped: rows are reused
 * across runs because every benchmark cycles through a bounded set of keys).
 */
final class SqlRaw implements Raw {

    /** The statements that differ per dialect. */
    enum Dialect {
        POSTGRESQL(
                "CREATE TABLE IF NOT EXISTS gogobench_raw_locks (k VARCHAR(255) PRIMARY KEY, owner VARCHAR(64) NOT NULL, expires_at BIGINT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS gogobench_raw_cache (k VARCHAR(255) PRIMARY KEY, v TEXT NOT NULL, expires_at BIGINT)",
                "CREATE TABLE IF NOT EXISTS gogobench_raw_circuit (k VARCHAR(255) PRIMARY KEY, failures BIGINT NOT NULL, last_failure BIGINT)",
                "CREATE TABLE IF NOT EXISTS gogobench_raw_cp (id VARCHAR(255) PRIMARY KEY, task_id VARCHAR(255) NOT NULL, seq INT NOT NULL, ts BIGINT NOT NULL, data TEXT NOT NULL, UNIQUE (task_id, seq))",
                "CREATE TABLE IF NOT EXISTS gogobench_raw_idem (k VARCHAR(255) PRIMARY KEY, status VARCHAR(16) NOT NULL, token VARCHAR(64), result TEXT, expires_at BIGINT NOT NULL)",
                """
                INSERT INTO gogobench_raw_locks (k, owner, expires_at) VALUES (?, ?, ?)
                ON CONFLICT (k) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
                WHERE gogobench_raw_locks.expires_at <= ?""",
                """
                INSERT INTO gogobench_raw_cache (k, v, expires_at) VALUES (?, ?, ?)
                ON CONFLICT (k) DO UPDATE SET v = excluded.v, expires_at = excluded.expires_at""",
                """
                INSERT INTO gogobench_raw_circuit (k, failures, last_failure) VALUES (?, 1, ?)
                ON CONFLICT (k) DO UPDATE SET failures = gogobench_raw_circuit.failures + 1,
                last_failure = excluded.last_failure""",
                """
                INSERT INTO gogobench_raw_cp (id, task_id, seq, ts, data) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET task_id = excluded.task_id, seq = excluded.seq, ts = excluded.ts,
                data = excluded.data""",
                """
                INSERT INTO gogobench_raw_idem (k, status, token, result, expires_at) VALUES (?, 'in_progress', ?, NULL, ?)
                ON CONFLICT (k) DO UPDATE SET status = excluded.status, token = excluded.token, result = NULL,
                expires_at = excluded.expires_at WHERE gogobench_raw_idem.expires_at <= ?"""),
        SQLITE(POSTGRESQL),
        MARIADB(
                "CREATE TABLE IF NOT EXISTS gogobench_raw_locks (k VARCHAR(255) PRIMARY KEY, owner VARCHAR(64) NOT NULL, expires_at BIGINT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS gogobench_raw_cache (k VARCHAR(255) PRIMARY KEY, v LONGTEXT NOT NULL, expires_at BIGINT)",
                "CREATE TABLE IF NOT EXISTS gogobench_raw_circuit (k VARCHAR(255) PRIMARY KEY, failures BIGINT NOT NULL, last_failure BIGINT)",
                "CREATE TABLE IF NOT EXISTS gogobench_raw_cp (id VARCHAR(255) PRIMARY KEY, task_id VARCHAR(255) NOT NULL, seq INT NOT NULL, ts BIGINT NOT NULL, data LONGTEXT NOT NULL, UNIQUE (task_id, seq))",
                "CREATE TABLE IF NOT EXISTS gogobench_raw_idem (k VARCHAR(255) PRIMARY KEY, status VARCHAR(16) NOT NULL, token VARCHAR(64), result LONGTEXT, expires_at BIGINT NOT NULL)",
                // assignments run left to right: owner first (only if expired), then the rest only if it is ours now
                """
                INSERT INTO gogobench_raw_locks (k, owner, expires_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE owner = IF(expires_at <= ?, VALUES(owner), owner),
                expires_at = IF(owner = VALUES(owner), VALUES(expires_at), expires_at)""",
                """
                INSERT INTO gogobench_raw_cache (k, v, expires_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE v = VALUES(v), expires_at = VALUES(expires_at)""",
                """
                INSERT INTO gogobench_raw_circuit (k, failures, last_failure) VALUES (?, 1, ?)
                ON DUPLICATE KEY UPDATE failures = failures + 1, last_failure = VALUES(last_failure)""",
                """
                INSERT INTO gogobench_raw_cp (id, task_id, seq, ts, data) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE task_id = VALUES(task_id), seq = VALUES(seq), ts = VALUES(ts), data = VALUES(data)""",
                """
                INSERT INTO gogobench_raw_idem (k, status, token, result, expires_at) VALUES (?, 'in_progress', ?, NULL, ?)
                ON DUPLICATE KEY UPDATE token = IF(expires_at <= ?, VALUES(token), token),
                status = IF(token = VALUES(token), VALUES(status), status),
                result = IF(token = VALUES(token), NULL, result),
                expires_at = IF(token = VALUES(token), VALUES(expires_at), expires_at)""");

        final String[] ddl;
        final String lockAcquire;
        final String cacheSet;
        final String circuitRecord;
        final String checkpointSave;
        final String claim;

        Dialect(String locks, String cache, String circuit, String cp, String idem, String lockAcquire,
                String cacheSet, String circuitRecord, String checkpointSave, String claim) {
            this.ddl = new String[] {locks, cache, circuit, cp, idem};
            this.lockAcquire = lockAcquire;
            this.cacheSet = cacheSet;
            this.circuitRecord = circuitRecord;
            this.checkpointSave = checkpointSave;
            this.claim = claim;
        }

        Dialect(Dialect same) {
            this(same.ddl[0], same.ddl[1], same.ddl[2], same.ddl[3], same.ddl[4], same.lockAcquire, same.cacheSet,
                    same.circuitRecord, same.checkpointSave, same.claim);
        }
    }

    private static final String LOCK_RELEASE = "UPDATE gogobench_raw_locks SET expires_at = 0 WHERE k = ? AND owner = ?";
    private static final String CACHE_GET =
            "SELECT v FROM gogobench_raw_cache WHERE k = ? AND (expires_at IS NULL OR expires_at > ?)";
    private static final String CIRCUIT_READ = "SELECT failures, last_failure FROM gogobench_raw_circuit WHERE k = ?";
    private static final String CHECKPOINT_LATEST =
            "SELECT id, seq, ts, data FROM gogobench_raw_cp WHERE task_id = ? ORDER BY seq DESC LIMIT 1";
    private static final String COMPLETE = "UPDATE gogobench_raw_idem SET status = 'completed', result = ?, "
            + "expires_at = ? WHERE k = ? AND token = ? AND status = 'in_progress'";
    private static final String REPLAY =
            "SELECT result FROM gogobench_raw_idem WHERE k = ? AND status = 'completed' AND expires_at > ?";

    private final Dialect dialect;
    private final HikariDataSource pool;

    SqlRaw(Dialect dialect, HikariDataSource pool) {
        this.dialect = dialect;
        this.pool = pool;
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String ddl : dialect.ddl) {
                s.execute(ddl);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("raw tables on " + dialect + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean lockAcquire(String key, String owner, long ttlMillis) {
        long now = System.currentTimeMillis();
        return update(dialect.lockAcquire, key, owner, now + ttlMillis, now) > 0;
    }

    @Override
    public void lockRelease(String key, String owner) {
        update(LOCK_RELEASE, key, owner);
    }

    @Override
    public String cacheGet(String key) {
        return queryString(CACHE_GET, key, System.currentTimeMillis());
    }

    @Override
    public void cacheSet(String key, String json, long ttlMillis) {
        update(dialect.cacheSet, key, json, System.currentTimeMillis() + ttlMillis);
    }

    @Override
    public void circuitRecord(String key) {
        update(dialect.circuitRecord, key, System.currentTimeMillis());
    }

    @Override
    public Object circuitRead(String key) {
        return queryString(CIRCUIT_READ, key);
    }

    @Override
    public void checkpointSave(String id, String task, int sequence, String json) {
        update(dialect.checkpointSave, id, task, sequence, System.currentTimeMillis(), json);
    }

    @Override
    public Object checkpointLatest(String task) {
        return queryString(CHECKPOINT_LATEST, task);
    }

    @Override
    public boolean idempotencyClaim(String key, String token, long leaseMillis) {
        long now = System.currentTimeMillis();
        return update(dialect.claim, key, token, now + leaseMillis, now) > 0;
    }

    @Override
    public boolean idempotencyComplete(String key, String token, String json, long ttlMillis) {
        return update(COMPLETE, json, System.currentTimeMillis() + ttlMillis, key, token) > 0;
    }

    @Override
    public String idempotencyReplay(String key) {
        return queryString(REPLAY, key, System.currentTimeMillis());
    }

    private int update(String sql, Object... args) {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(dialect + ": " + e.getMessage(), e);
        }
    }

    private String queryString(String sql, Object... args) {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(dialect + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
