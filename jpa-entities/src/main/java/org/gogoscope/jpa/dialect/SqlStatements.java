package org.gogoscope.jpa.dialect;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gogoscope.core.KeyPattern;

/**
 * Every SQL statement the storages run, with named parameters. This base class writes the standard form
 * (PostgreSQL and SQLite share {@code INSERT ... ON CONFLICT ... DO UPDATE ... WHERE ... RETURNING}) from a few
 * dialect fragments (the database clock, timestamp conversion, JSON casts, pattern matching); each dialect's
 * class supplies the fragments and overrides what it writes differently. No statement contains user input:
 * only named parameters.
 *
 * <p>Timestamps travel as epoch milliseconds in {@code long}s and are converted by SQL, so neither the JVM's
 * nor the session's time zone plays a part; "now" is always the database's clock in UTC. On SQLite, which runs
 * inside this JVM's process, the database's clock is this machine's clock: there "now" is read by the JVM and
 * bound as parameter {@value #CLOCK} (see the SQLite dialect).
 *
 * <p>The statement methods are called once per adapter, when it connects: the storages parse each statement
 * once and keep it.
 */
public abstract class SqlStatements {

    /** The parameter that carries the JVM's clock (epoch ms), bound by the statement runner itself. */
    public static final String CLOCK = "clock_ms";

    public static final String LOCKS = "go_goscope_locks";
    public static final String CIRCUIT = "go_goscope_circuit";
    public static final String CACHE = "go_goscope_cache";
    public static final String CHECKPOINTS = "go_goscope_checkpoints";
    public static final String IDEMPOTENCY = "go_goscope_idempotency";
    public static final String CIRCUIT_RECORDS = "go_goscope_circuit_records";

    /**
     * Every table the statements use, with the columns they read or write (in DDL order): what
     * {@link SqlDialect#schemaProblems} checks when the tables were made by someone else ({@code create-schema=false}).
     * Columns of the DDL no statement touches ({@code cache.accessed_at}, MySQL's {@code checkpoints.created_at})
     * are not required.
     */
    public static final Map<String, List<String>> COLUMNS = columns();

    /**
     * One {@code column <table>.<column> is missing} line per column of {@code table} in {@link #COLUMNS} that
     * {@code present} (the table's columns as the catalog lists them) lacks; the wording every dialect's schema
     * check uses.
     */
    public static List<String> missingColumns(String table, Collection<String> present) {
        return COLUMNS.get(table).stream().filter(column -> !present.contains(column))
                .map(column -> "column " + table + "." + column + " is missing").toList();
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put(LOCKS, List.of("key", "owner", "expires_at", "fencing_token"));
        columns.put(CIRCUIT, List.of("key", "state", "failure_count", "last_failure_time",
                "last_success_time", "updated_at"));
        columns.put(CACHE, List.of("key", "value", "expires_at"));
        columns.put(CHECKPOINTS, List.of("id", "task_id", "sequence", "timestamp", "progress", "data",
                "estimated_time_remaining"));
        columns.put(IDEMPOTENCY, List.of("key", "claim_token", "fingerprint", "result", "expires_at"));
        columns.put(CIRCUIT_RECORDS, List.of("key", "data", "version"));
        return Collections.unmodifiableMap(columns);
    }

    /** The LIKE escape character, written {@code ESCAPE '!'}: safe under every SQL mode. */
    public static final char LIKE_ESCAPE = '!';

    /** Whether upserts report through {@code RETURNING} (else through the generated key, MySQL). */
    public boolean returning() {
        return true;
    }

    // ---- fragments -----------------------------------------------------------------------------------------

    /** The database's current UTC time, as stored in time columns. */
    protected abstract String now();

    /** {@link #now()} plus the milliseconds in parameter {@code param}. */
    protected abstract String nowPlus(String param);

    /** Column {@code column} as epoch milliseconds. */
    protected abstract String millis(String column);

    /** Epoch milliseconds in parameter {@code param} as a stored time. */
    protected abstract String fromMillis(String param);

    /** The database clock as epoch milliseconds. */
    protected String nowMillis() {
        return millis(now());
    }

    /** A time before any other: what a released lock expires at. */
    protected abstract String epoch();

    /** A fencing-token floor from the database clock: epoch microseconds. */
    protected abstract String clockToken();

    /** The key column's name as written in statements. */
    protected String key() {
        return "key";
    }

    /** Parameter {@code param} as a JSON value for a JSON column. */
    protected String jsonIn(String param) {
        return ":" + param;
    }

    /** JSON column {@code column} as text. */
    protected String jsonOut(String column) {
        return column;
    }

    /** {@code column} matches pattern parameter {@code param}, as produced by {@link #pattern(KeyPattern)}. */
    protected String matches(String column, String param) {
        return column + " LIKE :" + param + " ESCAPE '" + LIKE_ESCAPE + "'";
    }

    /**
     * {@code column} in {@code [:lower, :upper)} in code-point order, which an index on the key turns into a range
     * whatever the pattern: the key columns compare in code-point order in every dialect's DDL (PostgreSQL
     * {@code COLLATE "C"}, MySQL/MariaDB binary collations, SQLite BINARY). {@code LIKE} alone is no such range
     * on PostgreSQL under any other collation, nor on MariaDB through the expression {@link #matches} needs.
     */
    protected String headRange(String column) {
        return column + " >= :lower AND " + column + " < :upper";
    }

    /** The pattern parameter for {@link #matches}. */
    public String pattern(KeyPattern pattern) {
        return pattern.toSqlLike(LIKE_ESCAPE);
    }

    protected String live(String column) {
        return "(" + column + " IS NULL OR " + column + " > " + now() + ")";
    }

    // ---- locks ---------------------------------------------------------------------------------------------

    /**
     * Grants {@code :key} to {@code :owner} for {@code :ttl} ms if free, expired or already the owner's, with a
     * fencing token above the previous one and above the clock floor; returns the token, or no row.
     */
    public String lockAcquire() {
        return """
            INSERT INTO %1$s AS l (%2$s, owner, expires_at, fencing_token)
            VALUES (:key, :owner, %3$s, %4$s)
            ON CONFLICT (%2$s) DO UPDATE
               SET owner = excluded.owner, expires_at = excluded.expires_at,
                   fencing_token = CASE WHEN l.fencing_token + 1 > excluded.fencing_token
                                        THEN l.fencing_token + 1 ELSE excluded.fencing_token END
             WHERE l.expires_at <= %5$s OR l.owner = excluded.owner
            RETURNING fencing_token""".formatted(LOCKS, key(), nowPlus("ttl"), clockToken(), now());
    }

    public String lockExtend() {
        return """
            UPDATE %1$s SET expires_at = %3$s
             WHERE %2$s = :key AND owner = :owner AND expires_at > %4$s""".formatted(LOCKS, key(), nowPlus("ttl"), now());
    }

    /** Frees the lock by expiring it; the row and its fencing token stay. */
    public String lockRelease() {
        return """
            UPDATE %1$s SET expires_at = %3$s
             WHERE %2$s = :key AND owner = :owner AND expires_at > %4$s""".formatted(LOCKS, key(), epoch(), now());
    }

    public String lockForceRelease() {
        return """
            UPDATE %1$s SET expires_at = %3$s
             WHERE %2$s = :key AND expires_at > %4$s""".formatted(LOCKS, key(), epoch(), now());
    }

    /** The live lock on {@code :key}: owner, token and the milliseconds left on the database clock. */
    public String lockInspect() {
        return """
            SELECT owner, fencing_token, %3$s - %4$s AS remaining
              FROM %1$s WHERE %2$s = :key AND expires_at > %5$s""".formatted(LOCKS, key(), millis("expires_at"),
                nowMillis(), now());
    }

    /**
     * At most {@code :limit} live locks matching {@code :pattern} with keys above {@code :after}, in key order,
     * read through the index range of the pattern's literal head ({@link #headRange}).
     */
    public String lockList() {
        return """
            SELECT %2$s, owner, fencing_token, %3$s - %4$s AS remaining
              FROM %1$s WHERE %5$s AND %2$s > :after AND %6$s AND expires_at > %7$s
             ORDER BY %2$s LIMIT :limit""".formatted(LOCKS, key(), millis("expires_at"), nowMillis(),
                headRange(key()), matches(key(), "pattern"), now());
    }

    // ---- circuit breakers ----------------------------------------------------------------------------------

    public String circuitGet() {
        return """
            SELECT state, failure_count, %3$s AS last_failure, %4$s AS last_success
              FROM %1$s WHERE %2$s = :key""".formatted(CIRCUIT, key(), millis("last_failure_time"),
                millis("last_success_time"));
    }

    public String circuitPut() {
        return """
            INSERT INTO %1$s AS c (%2$s, state, failure_count, last_failure_time, last_success_time, updated_at)
            VALUES (:key, :state, :count, %3$s, %4$s, %5$s)
            ON CONFLICT (%2$s) DO UPDATE
               SET state = excluded.state, failure_count = excluded.failure_count,
                   last_failure_time = excluded.last_failure_time, last_success_time = excluded.last_success_time,
                   updated_at = excluded.updated_at""".formatted(CIRCUIT, key(), fromMillis("failure"),
                fromMillis("success"), now());
    }

    /** count+1, lastFailure=now, OPEN at {@code :max} or from HALF_OPEN; returns the new count. */
    public String circuitFailure() {
        return """
            INSERT INTO %1$s AS c (%2$s, state, failure_count, last_failure_time, updated_at)
            VALUES (:key, CASE WHEN 1 >= :max THEN 'open' ELSE 'closed' END, 1, %3$s, %3$s)
            ON CONFLICT (%2$s) DO UPDATE
               SET failure_count = c.failure_count + 1,
                   state = CASE WHEN c.failure_count + 1 >= :max OR c.state = 'half-open' THEN 'open'
                                ELSE c.state END,
                   last_failure_time = excluded.last_failure_time, updated_at = excluded.updated_at
            RETURNING failure_count""".formatted(CIRCUIT, key(), now());
    }

    public String circuitSuccess() {
        return """
            INSERT INTO %1$s AS c (%2$s, state, failure_count, last_success_time, updated_at)
            VALUES (:key, 'closed', 0, %3$s, %3$s)
            ON CONFLICT (%2$s) DO UPDATE
               SET state = 'closed', failure_count = 0, last_success_time = excluded.last_success_time,
                   updated_at = excluded.updated_at""".formatted(CIRCUIT, key(), now());
    }

    public String circuitHalfOpen() {
        return """
            UPDATE %1$s SET state = 'half-open', updated_at = %3$s
             WHERE %2$s = :key AND state = 'open'
               AND (last_failure_time IS NULL OR %4$s <= %5$s - :delay)""".formatted(CIRCUIT, key(), now(),
                millis("last_failure_time"), nowMillis());
    }

    /** The record's data and version (NULL when absent) and the database clock, in one row. */
    public String circuitRecordRead() {
        return """
            SELECT (SELECT data FROM %1$s WHERE %2$s = :key) AS data,
                   (SELECT version FROM %1$s WHERE %2$s = :key) AS version,
                   %3$s AS now_millis""".formatted(CIRCUIT_RECORDS, key(), nowMillis());
    }

    /** Inserts version 1 unless a record exists; returns the version when it did. */
    public String circuitRecordInsert() {
        return """
            INSERT INTO %1$s (%2$s, data, version) VALUES (:key, :data, 1)
            ON CONFLICT (%2$s) DO NOTHING
            RETURNING version""".formatted(CIRCUIT_RECORDS, key());
    }

    public String circuitRecordUpdate() {
        return """
            UPDATE %1$s SET data = :data, version = version + 1
             WHERE %2$s = :key AND version = :expected""".formatted(CIRCUIT_RECORDS, key());
    }

    /**
     * At most {@code :limit} breaker documents matching {@code :pattern} with keys above {@code :after}, in key
     * order, read through the index range of the pattern's literal head ({@link #headRange}).
     */
    public String circuitRecordList() {
        return """
            SELECT %2$s, data, version FROM %1$s
             WHERE %3$s AND %2$s > :after AND %4$s
             ORDER BY %2$s LIMIT :limit""".formatted(CIRCUIT_RECORDS, key(), headRange(key()),
                matches(key(), "pattern"));
    }

    // ---- cache ---------------------------------------------------------------------------------------------

    public String cacheGet() {
        return "SELECT %3$s FROM %1$s WHERE %2$s = :key AND %4$s".formatted(CACHE, key(), jsonOut("value"),
                live("expires_at"));
    }

    /** {@code :ttl} NULL means no expiry. */
    public String cachePut() {
        return """
            INSERT INTO %1$s AS c (%2$s, value, expires_at) VALUES (:key, %3$s, %4$s)
            ON CONFLICT (%2$s) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at"""
                .formatted(CACHE, key(), jsonIn("json"), nowPlus("ttl"));
    }

    public String cacheDelete() {
        return "DELETE FROM %1$s WHERE %2$s = :key AND %3$s".formatted(CACHE, key(), live("expires_at"));
    }

    public String cacheExists() {
        return "SELECT 1 FROM %1$s WHERE %2$s = :key AND %3$s".formatted(CACHE, key(), live("expires_at"));
    }

    /**
     * The live keys matching {@code :pattern}, read through an index range on the key: {@code [:lower, :upper)}
     * holds exactly the keys that start with the pattern's literal head (see {@link #headRange}).
     */
    public String cacheKeys() {
        return "SELECT %2$s FROM %1$s WHERE %3$s AND %4$s AND %5$s".formatted(CACHE, key(), headRange(key()),
                matches(key(), "pattern"), rangeFilter("expires_at > " + now(), true));
    }

    public String cacheDeleteMatchingLive() {
        return "DELETE FROM %1$s WHERE %2$s AND %3$s AND %4$s".formatted(CACHE, headRange(key()),
                matches(key(), "pattern"), rangeFilter("expires_at > " + now(), true));
    }

    public String cacheDeleteMatchingExpired() {
        return "DELETE FROM %1$s WHERE %2$s AND %3$s AND %4$s".formatted(CACHE, headRange(key()),
                matches(key(), "pattern"), rangeFilter("expires_at <= " + now(), false));
    }

    /**
     * {@code condition} on the rows of a key range, {@code whenNull} where it is unknown (no expiry), written so
     * that no index serves it: the key range is what is selective, and a planner that read the expiry index for a
     * listing too (PostgreSQL's generic plans do, as a bitmap AND) would read every live entry of the table.
     */
    protected String rangeFilter(String condition, boolean whenNull) {
        return "COALESCE(" + condition + ", " + (whenNull ? "TRUE" : "FALSE") + ")";
    }

    /**
     * Deletes at most {@code :limit} lock rows that are free (expired or released) and whose fencing token is more
     * than {@code :grace} µs below the clock floor of new tokens ({@link #clockToken()}). A token is never below
     * the clock (in µs) of its grant, so such a row was last granted over that long ago, and the next grant of its key, which
     * takes the clock floor, gets a greater token than the row held: tokens stay strictly increasing while the
     * rows of keys no longer used are deleted. (No index on expires_at here: the purge scans the table, which
     * every lock write is spared.) The outer statement repeats the condition: see {@link #purge}.
     */
    public String purgeLocks() {
        return purgeWhere(LOCKS, "expires_at <= %1$s AND fencing_token < %2$s - :grace".formatted(now(), clockToken()));
    }

    /**
     * Deletes at most {@code :limit} breaker states that are closed without failures and unchanged since
     * {@code :age} ms (a negative number) before the clock, by the index on updated_at: such a state is the
     * initial one, which a missing row means too ({@code CircuitBreakerStateProvider.CLOSED_STATE_RETENTION}).
     */
    public String purgeCircuits() {
        return purgeWhere(CIRCUIT, "updated_at <= %1$s AND %2$s".formatted(nowPlus("age"), CLOSED_CLEAN));
    }

    /** A closed breaker without failures, in either spelling of its state (this library's and Node's). */
    protected static final String CLOSED_CLEAN = "state IN ('closed', 'CLOSED') AND failure_count = 0";

    /** Deletes at most {@code :limit} expired rows of {@code table}, by the index on expires_at. */
    public String purge(String table) {
        return purgeWhere(table, "expires_at <= " + now());
    }

    /**
     * Deletes at most {@code :limit} rows of {@code table} for which {@code condition} holds. The condition is
     * written twice: the inner selection picks the batch, and the outer statement checks each row again when it
     * deletes it. A row that a writer changed between the two (a lock granted again, an entry set again) no longer
     * matches then and stays: PostgreSQL waits for the writer and re-evaluates the outer condition on the row's new
     * version, while the inner selection's keys are not re-read.
     */
    private String purgeWhere(String table, String condition) {
        return """
            DELETE FROM %1$s WHERE %2$s IN (SELECT %2$s FROM %1$s WHERE %3$s LIMIT :limit)
               AND %3$s""".formatted(table, key(), condition);
    }

    // ---- checkpoints ---------------------------------------------------------------------------------------

    private String checkpointColumns() {
        return "id, task_id, sequence, timestamp, progress, %s AS data, estimated_time_remaining"
                .formatted(jsonOut("data"));
    }

    /** Upsert by id unless (task, sequence) belongs to another id; 0 rows then. */
    public String checkpointSave() {
        return """
            INSERT INTO %1$s AS c (id, task_id, sequence, timestamp, progress, data, estimated_time_remaining)
            SELECT :id, :task, :sequence, :timestamp, :progress, %2$s, :eta
             WHERE NOT EXISTS (SELECT 1 FROM %1$s o WHERE o.task_id = :task AND o.sequence = :sequence AND o.id <> :id)
            ON CONFLICT (id) DO UPDATE
               SET task_id = excluded.task_id, sequence = excluded.sequence, timestamp = excluded.timestamp,
                   progress = excluded.progress, data = excluded.data,
                   estimated_time_remaining = excluded.estimated_time_remaining""".formatted(CHECKPOINTS,
                jsonIn("data"));
    }

    public String checkpointLoad() {
        return "SELECT %2$s FROM %1$s WHERE id = :id".formatted(CHECKPOINTS, checkpointColumns());
    }

    public String checkpointLatest() {
        return "SELECT %2$s FROM %1$s WHERE task_id = :task ORDER BY sequence DESC LIMIT 1"
                .formatted(CHECKPOINTS, checkpointColumns());
    }

    public String checkpointList() {
        return "SELECT %2$s FROM %1$s WHERE task_id = :task ORDER BY sequence".formatted(CHECKPOINTS,
                checkpointColumns());
    }

    /**
     * At most {@code :limit} tasks matching {@code :pattern} with ids above {@code :after}, in id order, each with
     * its highest sequence and number of checkpoints: the index on (task_id, sequence) gives the tasks in order,
     * and a task's group is its checkpoints (few, as cleanup keeps them).
     */
    public String checkpointTasks() {
        return """
            SELECT task_id, MAX(sequence) AS latest, COUNT(*) AS checkpoints FROM %1$s
             WHERE task_id > :after AND %2$s
             GROUP BY task_id ORDER BY task_id LIMIT :limit""".formatted(CHECKPOINTS, matches("task_id", "pattern"));
    }

    /** Deletes every checkpoint of the task at or below the (keep+1)-th highest sequence. */
    public String checkpointCleanup() {
        return """
            DELETE FROM %1$s WHERE task_id = :task AND sequence <=
              (SELECT s FROM (SELECT sequence AS s FROM %1$s WHERE task_id = :task
                               ORDER BY sequence DESC LIMIT 1 OFFSET :keep) x)""".formatted(CHECKPOINTS);
    }

    public String checkpointDeleteAll() {
        return "DELETE FROM %1$s WHERE task_id = :task".formatted(CHECKPOINTS);
    }

    // ---- idempotency ---------------------------------------------------------------------------------------

    /** Claims {@code :key} for {@code :token} unless a live record exists; returns the token when it did. */
    public String idempotencyClaim() {
        return """
            INSERT INTO %1$s AS i (%2$s, claim_token, fingerprint, result, expires_at)
            VALUES (:key, :token, :fingerprint, NULL, %3$s)
            ON CONFLICT (%2$s) DO UPDATE
               SET claim_token = excluded.claim_token, fingerprint = excluded.fingerprint, result = NULL,
                   expires_at = excluded.expires_at
             WHERE i.expires_at <= %4$s
            RETURNING claim_token""".formatted(IDEMPOTENCY, key(), nowPlus("lease"), now());
    }

    public String idempotencyRead() {
        return """
            SELECT claim_token, fingerprint, %3$s AS result, %4$s AS expires
              FROM %1$s WHERE %2$s = :key AND expires_at > %5$s""".formatted(IDEMPOTENCY, key(), jsonOut("result"),
                millis("expires_at"), now());
    }

    public String idempotencyComplete() {
        return """
            UPDATE %1$s SET result = %3$s, claim_token = NULL, expires_at = %4$s
             WHERE %2$s = :key AND claim_token = :token AND result IS NULL""".formatted(IDEMPOTENCY, key(),
                jsonIn("result"), nowPlus("ttl"));
    }

    public String idempotencyRelease() {
        return "DELETE FROM %1$s WHERE %2$s = :key AND claim_token = :token AND result IS NULL"
                .formatted(IDEMPOTENCY, key());
    }

    public String idempotencyGetResult() {
        return "SELECT %3$s FROM %1$s WHERE %2$s = :key AND result IS NOT NULL AND expires_at > %4$s"
                .formatted(IDEMPOTENCY, key(), jsonOut("result"), now());
    }

    public String idempotencyPut() {
        return """
            INSERT INTO %1$s AS i (%2$s, claim_token, fingerprint, result, expires_at)
            VALUES (:key, NULL, NULL, %3$s, %4$s)
            ON CONFLICT (%2$s) DO UPDATE
               SET claim_token = NULL, fingerprint = NULL, result = excluded.result,
                   expires_at = excluded.expires_at""".formatted(IDEMPOTENCY, key(), jsonIn("result"),
                nowPlus("ttl"));
    }

    /**
     * At most {@code :limit} records of any kind matching {@code :pattern} with keys above {@code :after}, in key
     * order, through the index range of the pattern's literal head: each with its claim token, whether it is in
     * progress and the
     * milliseconds left until it expires. No filter on the kind: a page reads a bounded number of rows, however
     * many completed records surround the claims in progress.
     */
    public String idempotencyList() {
        return """
            SELECT %2$s, claim_token, CASE WHEN result IS NULL THEN 1 ELSE 0 END AS in_progress,
                   %3$s - %4$s AS remaining
              FROM %1$s WHERE %5$s AND %2$s > :after AND %6$s
             ORDER BY %2$s LIMIT :limit""".formatted(IDEMPOTENCY, key(), millis("expires_at"), nowMillis(),
                headRange(key()), matches(key(), "pattern"));
    }

    public String idempotencyDelete() {
        return "DELETE FROM %1$s WHERE %2$s = :key AND expires_at > %3$s".formatted(IDEMPOTENCY, key(), now());
    }
}
