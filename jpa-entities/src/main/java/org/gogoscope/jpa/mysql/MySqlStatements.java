package org.gogoscope.jpa.mysql;

import org.gogoscope.jpa.dialect.SqlStatements;

/**
 * MySQL 8.0+ and MariaDB 10.5+. Times are {@code DATETIME(3)} holding UTC, written and compared with
 * {@code UTC_TIMESTAMP(3)}, so the session time zone never matters. Keys use a binary, no-pad collation
 * ({@code utf8mb4_nopad_bin} on MariaDB, {@code utf8mb4_0900_bin} on MySQL): case-sensitive, and {@code 'k'}
 * and {@code 'k '} are different keys. There is no RETURNING: an upsert reports a number through
 * {@code LAST_INSERT_ID(expr)}, which travels back in the statement's own reply. {@code ON DUPLICATE KEY UPDATE}
 * assigns left to right and later assignments see earlier ones, so each conditional assignment is ordered to
 * read only columns not yet assigned, or assigned to the value that keeps its condition true.
 */
final class MySqlStatements extends SqlStatements {

    private static final String NOW = "UTC_TIMESTAMP(3)";
    private static final String EPOCH = "TIMESTAMP'1970-01-01 00:00:00'";

    /**
     * The match runs on an expression of the column, so the server never derives an index range from the
     * pattern itself: MariaDB 10.11's range for {@code LIKE} on a {@code utf8mb4_nopad_bin} key drops keys with
     * characters outside the BMP (emoji). The range comes from {@link #headRange} instead, with bounds computed in
     * code-point order, which is the binary collation's order, emoji included.
     */
    @Override
    protected String matches(String column, String param) {
        return "CONCAT(" + column + ") LIKE :" + param + " ESCAPE '" + LIKE_ESCAPE + "'";
    }

    @Override
    public boolean returning() {
        return false;
    }

    @Override
    protected String key() {
        return "`key`";
    }

    @Override
    protected String now() {
        return NOW;
    }

    @Override
    protected String nowPlus(String param) {
        return "TIMESTAMPADD(MICROSECOND, :" + param + " * 1000, " + NOW + ")";
    }

    @Override
    protected String millis(String column) {
        return "(TIMESTAMPDIFF(MICROSECOND, " + EPOCH + ", " + column + ") DIV 1000)";
    }

    @Override
    protected String fromMillis(String param) {
        return "TIMESTAMPADD(MICROSECOND, :" + param + " * 1000, " + EPOCH + ")";
    }

    @Override
    protected String epoch() {
        return EPOCH;
    }

    @Override
    protected String clockToken() {
        return "TIMESTAMPDIFF(MICROSECOND, " + EPOCH + ", UTC_TIMESTAMP(6))";
    }

    private static final String GRANTABLE = "(expires_at <= " + NOW + " OR owner = :owner)";

    /** The token comes back as the generated key; LAST_INSERT_ID(0) when refused. */
    @Override
    public String lockAcquire() {
        return """
            INSERT INTO go_goscope_locks (`key`, owner, expires_at, fencing_token)
            VALUES (:key, :owner, %1$s, LAST_INSERT_ID(%2$s))
            ON DUPLICATE KEY UPDATE
              fencing_token = IF(%3$s, LAST_INSERT_ID(GREATEST(fencing_token + 1, %2$s)),
                                 fencing_token + LAST_INSERT_ID(0)),
              owner = IF(%3$s, :owner, owner),
              expires_at = IF(%3$s, %1$s, expires_at)""".formatted(nowPlus("ttl"), clockToken(), GRANTABLE);
    }

    @Override
    public String circuitPut() {
        return """
            INSERT INTO go_goscope_circuit (`key`, state, failure_count, last_failure_time, last_success_time, updated_at)
            VALUES (:key, :state, :count, %1$s, %2$s, %3$s)
            ON DUPLICATE KEY UPDATE state = :state, failure_count = :count, last_failure_time = %1$s,
              last_success_time = %2$s, updated_at = %3$s""".formatted(fromMillis("failure"), fromMillis("success"), NOW);
    }

    /** The new count comes back as the generated key. */
    @Override
    public String circuitFailure() {
        return """
            INSERT INTO go_goscope_circuit (`key`, state, failure_count, last_failure_time, updated_at)
            VALUES (:key, IF(1 >= :max, 'open', 'closed'), LAST_INSERT_ID(1), %1$s, %1$s)
            ON DUPLICATE KEY UPDATE
              state = IF(failure_count + 1 >= :max OR state = 'half-open', 'open', state),
              failure_count = LAST_INSERT_ID(failure_count + 1),
              last_failure_time = %1$s, updated_at = %1$s""".formatted(NOW);
    }

    /** Generated key 1 when inserted; LAST_INSERT_ID(0) when a record exists. */
    @Override
    public String circuitRecordInsert() {
        return """
            INSERT INTO go_goscope_circuit_records (`key`, data, version) VALUES (:key, :data, LAST_INSERT_ID(1))
            ON DUPLICATE KEY UPDATE version = version + LAST_INSERT_ID(0)""";
    }

    @Override
    public String circuitSuccess() {
        return """
            INSERT INTO go_goscope_circuit (`key`, state, failure_count, last_success_time, updated_at)
            VALUES (:key, 'closed', 0, %1$s, %1$s)
            ON DUPLICATE KEY UPDATE state = 'closed', failure_count = 0, last_success_time = %1$s, updated_at = %1$s"""
                .formatted(NOW);
    }

    @Override
    public String cachePut() {
        return """
            INSERT INTO go_goscope_cache (`key`, value, expires_at) VALUES (:key, :json, %1$s)
            ON DUPLICATE KEY UPDATE value = :json, expires_at = %1$s""".formatted(nowPlus("ttl"));
    }

    @Override
    public String purgeLocks() {
        return "DELETE FROM go_goscope_locks WHERE expires_at <= %1$s AND fencing_token < %2$s - :grace LIMIT :limit"
                .formatted(NOW, clockToken());
    }

    @Override
    public String purgeCircuits() {
        return "DELETE FROM go_goscope_circuit WHERE updated_at <= %1$s AND %2$s LIMIT :limit"
                .formatted(nowPlus("age"), CLOSED_CLEAN);
    }

    @Override
    public String purge(String table) {
        return "DELETE FROM %1$s WHERE expires_at <= %2$s LIMIT :limit".formatted(table, NOW);
    }

    /** No unique index on (task_id, sequence) here: ON DUPLICATE KEY UPDATE would update the other row. */
    @Override
    public String checkpointSave() {
        return """
            INSERT INTO go_goscope_checkpoints (id, task_id, sequence, timestamp, progress, data, estimated_time_remaining)
            SELECT :id, :task, :sequence, :timestamp, :progress, :data, :eta FROM DUAL
             WHERE NOT EXISTS (SELECT 1 FROM go_goscope_checkpoints o
                                WHERE o.task_id = :task AND o.sequence = :sequence AND o.id <> :id)
            ON DUPLICATE KEY UPDATE task_id = :task, sequence = :sequence, timestamp = :timestamp,
              progress = :progress, data = :data, estimated_time_remaining = :eta""";
    }

    /** Conditional on expires_at, which is assigned last. The caller reads the row back to see who won. */
    @Override
    public String idempotencyClaim() {
        return """
            INSERT INTO go_goscope_idempotency (`key`, claim_token, fingerprint, result, expires_at)
            VALUES (:key, :token, :fingerprint, NULL, %1$s)
            ON DUPLICATE KEY UPDATE
              claim_token = IF(expires_at <= %2$s, :token, claim_token),
              fingerprint = IF(expires_at <= %2$s, :fingerprint, fingerprint),
              result = IF(expires_at <= %2$s, NULL, result),
              expires_at = IF(expires_at <= %2$s, %1$s, expires_at)""".formatted(nowPlus("lease"), NOW);
    }

    @Override
    public String idempotencyPut() {
        return """
            INSERT INTO go_goscope_idempotency (`key`, claim_token, fingerprint, result, expires_at)
            VALUES (:key, NULL, NULL, :result, %1$s)
            ON DUPLICATE KEY UPDATE claim_token = NULL, fingerprint = NULL, result = :result, expires_at = %1$s"""
                .formatted(nowPlus("ttl"));
    }
}
