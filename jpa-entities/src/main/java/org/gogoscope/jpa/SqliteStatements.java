package org.gogoscope.jpa;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.gogoscope.core.KeyPattern;

/**
 * SQLite (3.35+ for RETURNING): times are TEXT {@code 'YYYY-MM-DD HH:MM:SS.SSS'} in UTC, millisecond precision,
 * the SQLite equivalent of MySQL's DATETIME(3); fixed width, so text order is time order. SQLite's LIKE ignores
 * case for ASCII, so patterns use GLOB, which is case-sensitive, with every literal {@code * ? [} bracketed.
 *
 * <p>"Now" is the JVM's clock, bound as epoch milliseconds (parameter {@value Db#CLOCK}, read once per
 * statement) and formatted by SQLite, instead of SQLite's {@code 'now'}: SQLite runs inside this process and
 * its {@code 'now'} reads the same operating-system clock ({@code CLOCK_REALTIME}) as
 * {@link System#currentTimeMillis()}, and every process sharing a SQLite file in WAL mode runs on the same host
 * (WAL needs shared memory), so this is the same clock every node of the file reads. It saves the text parsing
 * and formatting of {@code strftime('now', printf('%+.3f seconds', ...))} and {@code julianday('now')} in every
 * lock statement.
 */
final class SqliteStatements extends SqlStatements {

    private static final String FORMAT = "'%Y-%m-%d %H:%M:%f'";
    private static final String CLOCK = ":" + Db.CLOCK;
    private static final String NOW = "strftime(" + FORMAT + ", " + CLOCK + " / 1000.0, 'unixepoch')";

    @Override
    int maxKeyLength() {
        return 1024;
    }

    @Override
    String schemaResource() {
        return "org/gogoscope/jpa/schema/sqlite.sql";
    }

    @Override
    String now() {
        return NOW;
    }

    /** NULL stays NULL (no expiry): {@code clock + NULL} is NULL, and so is strftime of NULL. */
    @Override
    String nowPlus(String param) {
        return "strftime(" + FORMAT + ", (" + CLOCK + " + :" + param + ") / 1000.0, 'unixepoch')";
    }

    @Override
    String nowMillis() {
        return CLOCK;
    }

    @Override
    String millis(String column) {
        return "CAST(round((julianday(" + column + ") - 2440587.5) * 86400000.0) AS INTEGER)";
    }

    @Override
    String fromMillis(String param) {
        return "strftime(" + FORMAT + ", :" + param + " / 1000.0, 'unixepoch')";
    }

    @Override
    String epoch() {
        return "'1970-01-01 00:00:00.000'";
    }

    @Override
    String clockToken() {
        return "(" + CLOCK + " * 1000)";
    }

    @Override
    String matches(String column, String param) {
        return column + " GLOB :" + param;
    }

    @Override
    String pattern(KeyPattern pattern) {
        StringBuilder out = new StringBuilder();
        appendLiteral(out, pattern.prefix());
        for (char c : pattern.glob().toCharArray()) {
            if (c == '*' || c == '?') {
                out.append(c);
            } else {
                appendLiteral(out, String.valueOf(c));
            }
        }
        return out.toString();
    }

    private static void appendLiteral(StringBuilder out, String literal) {
        for (char c : literal.toCharArray()) {
            if (c == '*' || c == '?' || c == '[') {
                out.append('[').append(c).append(']');
            } else {
                out.append(c);
            }
        }
    }

    @Override
    boolean isUniqueViolation(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("UNIQUE constraint failed") || message.contains("SQLITE_CONSTRAINT");
    }

    /** SQLite has no ADD COLUMN IF NOT EXISTS: columns are read from PRAGMA table_info first. */
    @Override
    void migrate(Connection connection) throws SQLException {
        addColumn(connection, LOCKS, "fencing_token", "INTEGER NOT NULL DEFAULT 0");
        addColumn(connection, IDEMPOTENCY, "claim_token", "TEXT");
        addColumn(connection, IDEMPOTENCY, "fingerprint", "TEXT");
        addColumn(connection, IDEMPOTENCY, "result", "TEXT");
        try (Statement statement = connection.createStatement()) {
            // no statement reads locks by expiry, and the index cost every lock write a second B-tree update
            statement.execute("DROP INDEX IF EXISTS idx_locks_expires");
        }
    }

    private static void addColumn(Connection connection, String table, String column, String type)
            throws SQLException {
        Set<String> columns = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
        if (!columns.contains(column)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
            } catch (SQLException e) {
                if (!String.valueOf(e.getMessage()).contains("duplicate column")) { // another node was first
                    throw e;
                }
            }
        }
    }
}
