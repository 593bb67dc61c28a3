package org.gogoscope.jpa.mysql;

import static org.gogoscope.jpa.dialect.SqlStatements.CACHE;
import static org.gogoscope.jpa.dialect.SqlStatements.CHECKPOINTS;
import static org.gogoscope.jpa.dialect.SqlStatements.CIRCUIT;
import static org.gogoscope.jpa.dialect.SqlStatements.CIRCUIT_RECORDS;
import static org.gogoscope.jpa.dialect.SqlStatements.IDEMPOTENCY;
import static org.gogoscope.jpa.dialect.SqlStatements.LOCKS;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Brings MySQL/MariaDB tables created by the Node adapters (or earlier versions of this schema) up to
 * {@code mariadb.sql} / {@code mysql.sql}: converts tables to the binary collation (where the table's default or
 * any column's differs), widens DATETIME to DATETIME(3),
 * adds missing columns, drops MariaDB's json_valid checks and the Node adapters' lock-expiry index, each only when
 * information_schema shows it is needed (MySQL has no ADD COLUMN IF NOT EXISTS). A node that loses a race with
 * another doing the same change sees "duplicate column" or "can't drop" and moves on.
 */
final class MySqlMigration {

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

    /** The value columns whose MariaDB JSON type would refuse documents nested 32+ deep: table, column, type. */
    private static final String[][] JSON_COLUMNS = {
        {CACHE, "value", "LONGTEXT NOT NULL"},
        {CHECKPOINTS, "data", "LONGTEXT NOT NULL"}
    };

    /**
     * Columns compared for equality or order (keys, owners, tokens): a column-level collation on one of these
     * other than the server's binary one converts the table, like a table default that differs. (Value columns
     * are not looked at: MariaDB's JSON is LONGTEXT utf8mb4_bin, which a later step turns into LONGTEXT anyway.)
     */
    private static final Set<String> COMPARED = Set.of("key", "owner", "id", "task_id", "claim_token");

    private static final int ER_DUP_FIELDNAME = 1060;
    private static final int ER_CANT_DROP_FIELD_OR_KEY = 1091;

    private MySqlMigration() {
    }

    /** Runs every step that information_schema shows is needed, for a server whose key collation is {@code collation}. */
    static void migrate(Connection connection, String collation) throws SQLException {
        Map<String, String> tableCollations = new HashMap<>();
        Map<String, Integer> precisions = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'go!_goscope!_%' ESCAPE '!'")) {
                while (rs.next()) {
                    tableCollations.put(rs.getString(1).toLowerCase(), rs.getString(2));
                }
            }
            Set<String> otherColumnCollation = new HashSet<>();
            try (ResultSet rs = statement.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, DATETIME_PRECISION,"
                    + " COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME LIKE 'go!_goscope!_%' ESCAPE '!'")) {
                while (rs.next()) {
                    int precision = rs.getObject(4) == null ? -1 : rs.getInt(4);
                    precisions.put(rs.getString(1).toLowerCase() + "." + rs.getString(2).toLowerCase(), precision);
                    if (COMPARED.contains(rs.getString(2).toLowerCase()) && rs.getString(5) != null
                            && !rs.getString(5).equalsIgnoreCase(collation)) {
                        otherColumnCollation.add(rs.getString(1).toLowerCase());
                    }
                }
            }
            for (String table : TABLES) {
                String current = tableCollations.get(table);
                // a column may have its own collation (COLLATE on the column) whatever the table's default is
                if (current != null && (!current.equalsIgnoreCase(collation) || otherColumnCollation.contains(table))) {
                    statement.execute("ALTER TABLE " + table + " CONVERT TO CHARACTER SET utf8mb4 COLLATE " + collation);
                }
            }
            for (String[] column : COLUMNS) {
                Integer precision = precisions.get(column[0] + "." + column[1]);
                boolean datetime = column[2].startsWith("DATETIME(3)");
                if (precision == null) {
                    ignoring(ER_DUP_FIELDNAME, statement,
                            "ALTER TABLE " + column[0] + " ADD COLUMN " + column[1] + " " + column[2]);
                } else if (datetime && precision < 3) {
                    ignoring(ER_DUP_FIELDNAME, statement,
                            "ALTER TABLE " + column[0] + " MODIFY " + column[1] + " " + column[2]);
                }
            }
            if (!MySqlDialect.MYSQL_8_COLLATION.equals(collation)) {
                dropJsonValidChecks(statement);
            }
            dropLockExpiryIndex(statement);
        }
    }

    /**
     * The Node adapters' index on lock expiry: read by nothing here, and every lock write updated it (measured with
     * 8 clients on MariaDB: about 15 % more server CPU per acquire + release).
     */
    private static void dropLockExpiryIndex(Statement statement) throws SQLException {
        boolean present;
        try (ResultSet rs = statement.executeQuery("SELECT 1 FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'go_goscope_locks'"
                + " AND INDEX_NAME = 'idx_expires'")) {
            present = rs.next();
        }
        if (present) {
            ignoring(ER_CANT_DROP_FIELD_OR_KEY, statement, "ALTER TABLE go_goscope_locks DROP INDEX idx_expires");
        }
    }

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

    /** Runs {@code sql}, ignoring error {@code code}: another node made the same change first. */
    private static void ignoring(int code, Statement statement, String sql) throws SQLException {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            if (e.getErrorCode() != code) {
                throw e;
            }
        }
    }
}
