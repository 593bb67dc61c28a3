package org.gogoscope.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes one kind's records ({@link ScaleRecords}) into a scale space's SQL tables in one {@code INSERT ... SELECT}
 * over a row source (PostgreSQL {@code generate_series}, MariaDB's {@code seq_0_to_999999}, SQLite a recursive
 * CTE), in the layout the SQL adapter reads and writes (jpa-entities' DDL, {@code SqlStatements} and
 * {@code NodeLayout}):
 * <ul>
 * <li>cache: {@code key} = prefix + {@code cache:} + key, {@code value} the JSON, {@code expires_at} the database
 *     clock (UTC) + TTL, as {@code cachePut};
 * <li>locks: {@code key} = prefix + {@code lock:} + key, {@code owner}, {@code expires_at} clock + TTL,
 *     {@code fencing_token} the clock in microseconds, as a first {@code lockAcquire};
 * <li>idempotency: {@code key} = prefix + key (no type segment), no claim token, no fingerprint, {@code result}
 *     the JSON, {@code expires_at} clock + TTL, as {@code idempotencyPut};
 * <li>checkpoints: {@code id} and {@code task_id} with the prefix, as {@code checkpointSave}.
 * </ul>
 * Upserts: a refill renews the expiry of records that are there (checkpoints, which do not expire, are left as
 * they are). Every value is a bound parameter; the only text in the statements is the tables' and the
 * statements' own.
 */
final class SqlScaleFill {

    private SqlScaleFill() {
    }

    static void fill(ScaleSpace space, ScaleKind kind) throws SQLException {
        String prefix = space.prefix();
        int size = space.size();
        long ttl = ScaleRecords.TTL.toMillis();
        long now = System.currentTimeMillis(); // SQLite's clock (the adapter's too) and the checkpoints' timestamp
        String json = ScaleRecords.JSON;
        int perTask = ScaleRecords.CHECKPOINTS_PER_TASK;
        String cache = prefix + "cache:" + ScaleRecords.CACHE_HEAD;
        String lock = prefix + "lock:" + ScaleRecords.LOCK_HEAD;
        String done = prefix + ScaleRecords.IDEMPOTENCY_HEAD;
        String task = prefix + ScaleRecords.TASK_HEAD;
        String owner = ScaleRecords.OWNER;
        switch (space.backend()) {
            case postgresql -> {
                switch (kind) {
                    case CACHE -> run(space, POSTGRESQL_CACHE, cache, json, ttl, size);
                    case LOCKS -> run(space, POSTGRESQL_LOCKS, lock, owner, ttl, size);
                    case IDEMPOTENCY -> run(space, POSTGRESQL_IDEMPOTENCY, done, json, ttl, size);
                    case CHECKPOINTS -> run(space, POSTGRESQL_CHECKPOINTS, task, task, now, json, perTask, perTask,
                            size);
                    default -> throw new IllegalArgumentException(kind.name());
                }
            }
            case mariadb -> {
                switch (kind) {
                    case CACHE -> run(space, MARIADB_CACHE, cache, json, ttl, size);
                    case LOCKS -> run(space, MARIADB_LOCKS, lock, owner, ttl, size);
                    case IDEMPOTENCY -> run(space, MARIADB_IDEMPOTENCY, done, json, ttl, size);
                    case CHECKPOINTS -> run(space, MARIADB_CHECKPOINTS, task, task, now, json, perTask, perTask,
                            size);
                    default -> throw new IllegalArgumentException(kind.name());
                }
            }
            case sqlite -> {
                switch (kind) {
                    case CACHE -> run(space, SQLITE_CACHE, size, cache, json, now + ttl);
                    case LOCKS -> run(space, SQLITE_LOCKS, size, lock, owner, now + ttl, now * 1000);
                    case IDEMPOTENCY -> run(space, SQLITE_IDEMPOTENCY, size, done, json, now + ttl);
                    case CHECKPOINTS -> run(space, SQLITE_CHECKPOINTS, size, perTask, perTask, task, task, now, json);
                    default -> throw new IllegalArgumentException(kind.name());
                }
            }
            default -> throw new IllegalArgumentException(space.backend() + " is not a SQL backend");
        }
    }

    private static void run(ScaleSpace space, String sql, Object... parameters) throws SQLException {
        try (HikariDataSource pool = space.pool("scale-fill-" + space.backend());
                Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            List<Object> values = List.of(parameters);
            for (int i = 0; i < values.size(); i++) {
                s.setObject(i + 1, values.get(i));
            }
            s.executeUpdate();
        }
    }

    // ---- PostgreSQL: TIMESTAMP holding UTC, JSONB ------------------------------------------------------------

    private static final String POSTGRESQL_EXPIRY =
            "(now() AT TIME ZONE 'UTC') + CAST(? AS double precision) * INTERVAL '1 millisecond'";

    /** head, JSON, TTL ms, size. */
    private static final String POSTGRESQL_CACHE = """
            INSERT INTO go_goscope_cache (key, value, expires_at)
            SELECT ? || lpad(g::text, 7, '0'), CAST(? AS jsonb), %s
              FROM generate_series(0, ? - 1) g
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at"""
            .formatted(POSTGRESQL_EXPIRY);

    /** head, owner, TTL ms, size. */
    private static final String POSTGRESQL_LOCKS = """
            INSERT INTO go_goscope_locks AS l (key, owner, expires_at, fencing_token)
            SELECT ? || lpad(g::text, 7, '0'), ?, %s, CAST(extract(epoch FROM now()) * 1000000 AS bigint)
              FROM generate_series(0, ? - 1) g
            ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at,
                   fencing_token = GREATEST(l.fencing_token + 1, excluded.fencing_token)"""
            .formatted(POSTGRESQL_EXPIRY);

    /** head, JSON, TTL ms, size. */
    private static final String POSTGRESQL_IDEMPOTENCY = """
            INSERT INTO go_goscope_idempotency (key, claim_token, fingerprint, result, expires_at)
            SELECT ? || lpad(g::text, 7, '0'), NULL, NULL, CAST(? AS jsonb), %s
              FROM generate_series(0, ? - 1) g
            ON CONFLICT (key) DO UPDATE SET claim_token = NULL, fingerprint = NULL, result = excluded.result,
                   expires_at = excluded.expires_at""".formatted(POSTGRESQL_EXPIRY);

    /** head (id), head (task), timestamp ms, JSON, per task, per task, size. */
    private static final String POSTGRESQL_CHECKPOINTS = """
            INSERT INTO go_goscope_checkpoints (id, task_id, sequence, timestamp, progress, data,
                                                estimated_time_remaining)
            SELECT ? || lpad(t::text, 7, '0') || ':' || s, ? || lpad(t::text, 7, '0'), s, ?, s * 10,
                   CAST(? AS jsonb), NULL
              FROM (SELECT g / ? AS t, g % ? AS s FROM generate_series(0, ? - 1) g) r
            ON CONFLICT (id) DO NOTHING""";

    // ---- MariaDB: DATETIME(3) holding UTC, LONGTEXT ----------------------------------------------------------

    private static final String MARIADB_EXPIRY = "TIMESTAMPADD(MICROSECOND, ? * 1000, UTC_TIMESTAMP(3))";

    /** head, JSON, TTL ms, size. */
    private static final String MARIADB_CACHE = """
            INSERT INTO go_goscope_cache (`key`, value, expires_at)
            SELECT CONCAT(?, LPAD(seq, 7, '0')), ?, %s FROM seq_0_to_999999 WHERE seq < ?
            ON DUPLICATE KEY UPDATE value = VALUES(value), expires_at = VALUES(expires_at)"""
            .formatted(MARIADB_EXPIRY);

    /** head, owner, TTL ms, size. */
    private static final String MARIADB_LOCKS = """
            INSERT INTO go_goscope_locks (`key`, owner, expires_at, fencing_token)
            SELECT CONCAT(?, LPAD(seq, 7, '0')), ?, %s,
                   TIMESTAMPDIFF(MICROSECOND, TIMESTAMP'1970-01-01 00:00:00', UTC_TIMESTAMP(6))
              FROM seq_0_to_999999 WHERE seq < ?
            ON DUPLICATE KEY UPDATE fencing_token = GREATEST(fencing_token + 1, VALUES(fencing_token)),
                   owner = VALUES(owner), expires_at = VALUES(expires_at)""".formatted(MARIADB_EXPIRY);

    /** head, JSON, TTL ms, size. */
    private static final String MARIADB_IDEMPOTENCY = """
            INSERT INTO go_goscope_idempotency (`key`, claim_token, fingerprint, result, expires_at)
            SELECT CONCAT(?, LPAD(seq, 7, '0')), NULL, NULL, ?, %s FROM seq_0_to_999999 WHERE seq < ?
            ON DUPLICATE KEY UPDATE claim_token = NULL, fingerprint = NULL, result = VALUES(result),
                   expires_at = VALUES(expires_at)""".formatted(MARIADB_EXPIRY);

    /** head (id), head (task), timestamp ms, JSON, per task, per task, size. */
    private static final String MARIADB_CHECKPOINTS = """
            INSERT INTO go_goscope_checkpoints (id, task_id, sequence, timestamp, progress, data,
                                                estimated_time_remaining)
            SELECT CONCAT(?, LPAD(t, 7, '0'), ':', s), CONCAT(?, LPAD(t, 7, '0')), s, ?, s * 10, ?, NULL
              FROM (SELECT seq DIV ? AS t, seq MOD ? AS s FROM seq_0_to_999999 WHERE seq < ?) r
            ON DUPLICATE KEY UPDATE id = id""";

    // ---- SQLite: TEXT 'YYYY-MM-DD HH:MM:SS.SSS' in UTC from the JVM's clock, as the adapter binds it --------

    private static final String SQLITE_ROWS =
            "WITH RECURSIVE g(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM g WHERE x + 1 < ?)";
    private static final String SQLITE_TIME = "strftime('%Y-%m-%d %H:%M:%f', ? / 1000.0, 'unixepoch')";

    /** size, head, JSON, expiry ms. ({@code WHERE true}: an upsert's SELECT needs a WHERE to parse.) */
    private static final String SQLITE_CACHE = """
            %s
            INSERT INTO go_goscope_cache (key, value, expires_at)
            SELECT ? || printf('%%07d', x), ?, %s FROM g WHERE true
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at"""
            .formatted(SQLITE_ROWS, SQLITE_TIME);

    /** size, head, owner, expiry ms, token (clock µs). */
    private static final String SQLITE_LOCKS = """
            %s
            INSERT INTO go_goscope_locks (key, owner, expires_at, fencing_token)
            SELECT ? || printf('%%07d', x), ?, %s, ? FROM g WHERE true
            ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at,
                   fencing_token = max(go_goscope_locks.fencing_token + 1, excluded.fencing_token)"""
            .formatted(SQLITE_ROWS, SQLITE_TIME);

    /** size, head, JSON, expiry ms. */
    private static final String SQLITE_IDEMPOTENCY = """
            %s
            INSERT INTO go_goscope_idempotency (key, claim_token, fingerprint, result, expires_at)
            SELECT ? || printf('%%07d', x), NULL, NULL, ?, %s FROM g WHERE true
            ON CONFLICT (key) DO UPDATE SET claim_token = NULL, fingerprint = NULL, result = excluded.result,
                   expires_at = excluded.expires_at""".formatted(SQLITE_ROWS, SQLITE_TIME);

    /** size, per task, per task, head (id), head (task), timestamp ms, JSON. */
    private static final String SQLITE_CHECKPOINTS = """
            %s, r(t, s) AS (SELECT x / ?, x %% ? FROM g)
            INSERT INTO go_goscope_checkpoints (id, task_id, sequence, timestamp, progress, data,
                                                estimated_time_remaining)
            SELECT ? || printf('%%07d', t) || ':' || s, ? || printf('%%07d', t), s, ?, s * 10, ?, NULL
              FROM r WHERE true
            ON CONFLICT (id) DO NOTHING""".formatted(SQLITE_ROWS);
}
