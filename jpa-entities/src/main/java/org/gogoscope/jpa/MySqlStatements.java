package org.gogoscope.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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

    @Override
    int maxKeyLength() {
        return 255;
    }

    /**
     * The match runs on an expression of the column, so the server never turns the pattern's literal head into
     * an index range: MariaDB 10.11's range on a {@code utf8mb4_nopad_bin} key drops keys with characters
     * outside the BMP (emoji). {@code keys} and {@code clear} scan the table's rows of the prefix either way.
     */
    @Override
    String matches(String column, String param) {
        return "CONCAT(" + column + ") LIKE :" + param + " ESCAPE '" + LIKE_ESCAPE + "'";
    }

    @Override
    String schemaResource() {
        return "org/gogoscope/jpa/schema/mariadb.sql";
    }

    /** The binary collation only MySQL 8 has: tells MySQL from MariaDB. */
    private static final String MYSQL_8_COLLATION = "utf8mb4_0900_bin";

    /** mysql.sql on MySQL 8 (which has utf8mb4_0900_bin), mariadb.sql otherwise. */
    @Override
    String schemaResource(Connection connection) throws SQLException {
        return MYSQL_8_COLLATION.equals(keyCollation(connection)) ? "org/gogoscope/jpa/schema/mysql.sql"
                : schemaResource();
    }

    @Override
    boolean returning() {
        return false;
    }

    @Override
    String key() {
        return "`key`";
    }

    @Override
    String now() {
        return NOW;
    }

    @Override
    String nowPlus(String param) {
        return "TIMESTAMPADD(MICROSECOND, :" + param + " * 1000, " + NOW + ")";
    }

    @Override
    String millis(String column) {
        return "(TIMESTAMPDIFF(MICROSECOND, " + EPOCH + ", " + column + ") DIV 1000)";
    }

    @Override
    String fromMillis(String param) {
        return "TIMESTAMPADD(MICROSECOND, :" + param + " * 1000, " + EPOCH + ")";
    }

    @Override
    String epoch() {
        return EPOCH;
    }

    @Override
    String clockToken() {
        return "TIMESTAMPDIFF(MICROSECOND, " + EPOCH + ", UTC_TIMESTAMP(6))";
    }

    private static final String GRANTABLE = "(expires_at <= " + NOW + " OR owner = :owner)";

    /** The token comes back as the generated key; LAST_INSERT_ID(0) when refused. */
    @Override
    String lockAcquire() {
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
    String circuitPut() {
        return """
            INSERT INTO go_goscope_circuit (`key`, state, failure_count, last_failure_time, last_success_time, updated_at)
            VALUES (:key, :state, :count, %1$s, %2$s, %3$s)
            ON DUPLICATE KEY UPDATE state = :state, failure_count = :count, last_failure_time = %1$s,
              last_success_time = %2$s, updated_at = %3$s""".formatted(fromMillis("failure"), fromMillis("success"), NOW);
    }

    /** The new count comes back as the generated key. */
    @Override
    String circuitFailure() {
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
    String circuitRecordInsert() {
        return """
            INSERT INTO go_goscope_circuit_records (`key`, data, version) VALUES (:key, :data, LAST_INSERT_ID(1))
            ON DUPLICATE KEY UPDATE version = version + LAST_INSERT_ID(0)""";
    }

    @Override
    String circuitSuccess() {
        return """
            INSERT INTO go_goscope_circuit (`key`, state, failure_count, last_success_time, updated_at)
            VALUES (:key, 'closed', 0, %1$s, %1$s)
            ON DUPLICATE KEY UPDATE state = 'closed', failure_count = 0, last_success_time = %1$s, updated_at = %1$s"""
                .formatted(NOW);
    }

    @Override
    String cachePut() {
        return """
            INSERT INTO go_goscope_cache (`key`, value, expires_at) VALUES (:key, :json, %1$s)
            ON DUPLICATE KEY UPDATE value = :json, expires_at = %1$s""".formatted(nowPlus("ttl"));
    }

    @Override
    String purge(String table) {
        return "DELETE FROM %1$s WHERE expires_at <= %2$s LIMIT :limit".formatted(table, NOW);
    }

    /** No unique index on (task_id, sequence) here: ON DUPLICATE KEY UPDATE would update the other row. */
    @Override
    String checkpointSave() {
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
    String idempotencyClaim() {
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
    String idempotencyPut() {
        return """
            INSERT INTO go_goscope_idempotency (`key`, claim_token, fingerprint, result, expires_at)
            VALUES (:key, NULL, NULL, :result, %1$s)
            ON DUPLICATE KEY UPDATE claim_token = NULL, fingerprint = NULL, result = :result, expires_at = %1$s"""
                .formatted(nowPlus("ttl"));
    }

    // ---- schema ----------------------------------------------------------------------------------------------

    private static final String[] TABLES = {LOCKS, CIRCUIT, CACHE, CHECKPOINTS, IDEMPOTENCY, CIRCUIT_RECORDS};

    /** Column definitions this schema needs, applied with MODIFY/ADD where a table (e.g. the seeds') differs. */
    private static final String[][] COLUMNS = {
        {LOCKS, "expires_at", "DATETIME(3) NOT NULL"},
        {LOCKS, "fencing_token", "BIGINT NOT NULL DEFAULT 0"},
        {CIRCUIT, "last_failure_time", "DATETIME(3) NULL"},
        {CIRCUIT, "last_success_time", "DATETIME(3) NULL"},
        {CIRCUIT, "updated_at", "DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)"},
        {CACHE, "expires_at", "DATETIME(3) NULL"},
        {IDEMPOTENCY, "claim_token", "VARCHAR(64) NULL"},
        {IDEMPOTENCY, "fingerprint", "TEXT NULL"},
        {IDEMPOTENCY, "result", "LONGTEXT NULL"},
        {IDEMPOTENCY, "expires_at", "DATETIME(3) NOT NULL"}
    };

    /**
     * Converts tables to the binary collation, widens DATETIME to DATETIME(3) and adds missing columns, each
     * only when information_schema shows it is needed (MySQL has no ADD COLUMN IF NOT EXISTS). A node that
     * loses a race with another doing the same change sees "duplicate column" and moves on.
     */
    @Override
    void migrate(Connection connection) throws SQLException {
        String collation = keyCollation(connection);
        Map<String, String> tableCollations = new HashMap<>();
        Map<String, Integer> precisions = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'go!_goscope!_%' ESCAPE '!'")) {
                while (rs.next()) {
                    tableCollations.put(rs.getString(1).toLowerCase(), rs.getString(2));
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, DATETIME_PRECISION"
                    + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME LIKE 'go!_goscope!_%' ESCAPE '!'")) {
                while (rs.next()) {
                    int precision = rs.getObject(4) == null ? -1 : rs.getInt(4);
                    precisions.put(rs.getString(1).toLowerCase() + "." + rs.getString(2).toLowerCase(), precision);
                }
            }
            for (String table : TABLES) {
                String current = tableCollations.get(table);
                if (current != null && !current.equalsIgnoreCase(collation)) {
                    statement.execute("ALTER TABLE " + table + " CONVERT TO CHARACTER SET utf8mb4 COLLATE " + collation);
                }
            }
            for (String[] column : COLUMNS) {
                Integer precision = precisions.get(column[0] + "." + column[1]);
                boolean datetime = column[2].startsWith("DATETIME(3)");
                if (precision == null) {
                    alter(statement, "ALTER TABLE " + column[0] + " ADD COLUMN " + column[1] + " " + column[2]);
                } else if (datetime && precision < 3) {
                    alter(statement, "ALTER TABLE " + column[0] + " MODIFY " + column[1] + " " + column[2]);
                }
            }
            if (!MYSQL_8_COLLATION.equals(collation)) {
                dropJsonValidChecks(statement);
            }
            // the Node adapters' index on lock expiry: read by nothing here, and every lock write updated it
            // (measured with 8 clients on MariaDB: about 15 % more server CPU per acquire + release)
            boolean lockExpiryIndex;
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM information_schema.STATISTICS"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'go_goscope_locks'"
                    + " AND INDEX_NAME = 'idx_expires'")) {
                lockExpiryIndex = rs.next();
            }
            if (lockExpiryIndex) {
                try {
                    statement.execute("ALTER TABLE go_goscope_locks DROP INDEX idx_expires");
                } catch (SQLException e) {
                    if (e.getErrorCode() != 1091) { // ER_CANT_DROP_FIELD_OR_KEY: another node dropped it first
                        throw e;
                    }
                }
            }
        }
    }

    /** The value columns whose MariaDB JSON type would refuse documents nested 32+ deep: table, column, type. */
    private static final String[][] JSON_COLUMNS = {
        {CACHE, "value", "LONGTEXT NOT NULL"},
        {CHECKPOINTS, "data", "LONGTEXT NOT NULL"}
    };

    /**
     * MariaDB: a column declared JSON carries {@code CHECK (json_valid(col))}, named after the column, and
     * json_valid refuses documents nested 32 levels or deeper. MODIFY to LONGTEXT drops the check (only where it
     * exists: MODIFY rebuilds the table).
     */
    private static void dropJsonValidChecks(Statement statement) throws SQLException {
        Set<String> checked = new HashSet<>();
        try (ResultSet rs = statement.executeQuery("SELECT TABLE_NAME, CONSTRAINT_NAME FROM"
                + " information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()"
                + " AND TABLE_NAME LIKE 'go!_goscope!_%' ESCAPE '!'")) {
            while (rs.next()) {
                checked.add(rs.getString(1).toLowerCase() + "." + rs.getString(2).toLowerCase());
            }
        }
        for (String[] column : JSON_COLUMNS) {
            if (checked.contains(column[0] + "." + column[1])) {
                statement.execute("ALTER TABLE " + column[0] + " MODIFY " + column[1] + " " + column[2]);
            }
        }
    }

    private static void alter(Statement statement, String sql) throws SQLException {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            if (e.getErrorCode() != 1060) { // ER_DUP_FIELDNAME: another node added it first
                throw e;
            }
        }
    }

    /** The binary no-pad collation this server has: MariaDB's, MySQL 8's, or plain utf8mb4_bin. */
    static String keyCollation(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COLLATION_NAME FROM information_schema.COLLATIONS WHERE COLLATION_NAME IN"
                        + " ('utf8mb4_nopad_bin', 'utf8mb4_0900_bin')");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getString(1) : "utf8mb4_bin";
        }
    }
}
