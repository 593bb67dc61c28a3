package org.gogoscope.jpa.sqlite;

import static org.gogoscope.jpa.dialect.SqlStatements.IDEMPOTENCY;
import static org.gogoscope.jpa.dialect.SqlStatements.LOCKS;

import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gogoscope.jpa.dialect.SqlDialect;
import org.gogoscope.jpa.dialect.SqlStatements;

/**
 * SQLite 3.35+ (verified with sqlite-jdbc 3.50), the embedded default: statements in {@link SqliteStatements}, DDL
 * in {@code sqlite.sql} beside this class. A store without a URL uses the file {@code gogoscope-<store>.db} in the
 * working directory; the adapter's own pool opens it in WAL mode with {@code busy_timeout} as the statement bound
 * and keeps prepared statements per connection.
 */
public final class SqliteDialect extends SqlDialect {

    private static final String URL_PREFIX = "jdbc:sqlite:";

    public SqliteDialect() {
        super("SQLite", Set.of("sqlite"), new SqliteStatements(), 1024, "org/gogoscope/jpa/sqlite/sqlite.sql");
    }

    @Override
    public boolean isProduct(String databaseProductName) {
        return databaseProductName.toLowerCase(Locale.ROOT).contains("sqlite");
    }

    /** SQLite has no ADD COLUMN IF NOT EXISTS: columns are read from PRAGMA table_info first. */
    @Override
    public void migrate(Connection connection) throws SQLException {
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

    /**
     * Tables and columns the statements use that are missing ({@code PRAGMA table_info}, one per table; no rows
     * means no table), and a {@code key} column whose primary-key index does not compare with {@code BINARY}
     * ({@code PRAGMA index_xinfo} of the table's {@code pk} index): listings read the range of the pattern's literal
     * head in code-point order, and under e.g. {@code NOCASE} {@code 'K'} and {@code 'k'} would be one key and
     * ranges would miss keys. SQLite has no privileges to check: the file's permissions are the boundary.
     */
    @Override
    public List<String> schemaProblems(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, List<String>> table : SqlStatements.COLUMNS.entrySet()) {
                Set<String> present = new HashSet<>();
                // table names are this library's constants, never input
                try (ResultSet rs = statement.executeQuery("PRAGMA table_info(" + table.getKey() + ")")) {
                    while (rs.next()) {
                        present.add(rs.getString("name"));
                    }
                }
                if (present.isEmpty()) {
                    problems.add("table " + table.getKey() + " is missing");
                    continue;
                }
                problems.addAll(SqlStatements.missingColumns(table.getKey(), present));
                if (present.contains("key")) {
                    keyCollation(statement, table.getKey()).filter(c -> !"BINARY".equalsIgnoreCase(c))
                            .ifPresent(c -> problems.add("column " + table.getKey() + ".key has collation " + c
                                    + ", must be BINARY (keys compare in code-point order, case significant)"));
                }
            }
        }
        return problems;
    }

    /** The collation of column {@code key} in the primary-key index of {@code table}; empty without such an index. */
    private static Optional<String> keyCollation(Statement statement, String table) throws SQLException {
        String index = null;
        try (ResultSet rs = statement.executeQuery("PRAGMA index_list(" + table + ")")) {
            while (rs.next()) {
                if ("pk".equals(rs.getString("origin"))) {
                    index = rs.getString("name");
                }
            }
        }
        if (index == null) {
            return Optional.empty();
        }
        try (ResultSet rs = statement.executeQuery("PRAGMA index_xinfo(\"" + index.replace("\"", "\"\"") + "\")")) {
            while (rs.next()) {
                if ("key".equals(rs.getString("name"))) {
                    return Optional.ofNullable(rs.getString("coll"));
                }
            }
        }
        return Optional.empty();
    }

    /** SQLite's primary result codes {@code SQLITE_BUSY} (5) and {@code SQLITE_LOCKED} (6), extended ones included. */
    @Override
    public boolean isBusy(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == 5 || primary == 6;
    }

    /** WAL (several processes on one file), {@code synchronous=NORMAL}, and the bound as {@code busy_timeout}. */
    @Override
    public Map<String, String> driverProperties(Duration timeout) {
        return Map.of("journal_mode", "WAL", "synchronous", "NORMAL", "busy_timeout",
                String.valueOf(timeout.toMillis()));
    }

    /**
     * {@code busy_timeout} bounds every statement; a JDBC query timeout would only set it again twice per
     * statement.
     */
    @Override
    public boolean ownPoolBoundsStatements() {
        return true;
    }

    /** sqlite-jdbc compiles SQL in-process on every prepare and caches nothing. */
    @Override
    public boolean cachesPreparedStatements() {
        return true;
    }

    @Override
    public Optional<String> defaultJdbcUrl(String storeName) {
        return Optional.of(URL_PREFIX + "gogoscope-" + storeName + ".db");
    }

    /** Creates the database file's directory when missing. */
    @Override
    public void beforeFirstConnect(String jdbcUrl) {
        if (!jdbcUrl.startsWith(URL_PREFIX)) {
            return;
        }
        String file = jdbcUrl.substring(URL_PREFIX.length());
        file = file.startsWith("file:") ? file.substring(5) : file;
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.startsWith(":memory:")) {
            return;
        }
        File parent = new File(file).getAbsoluteFile().getParentFile();
        if (parent != null && !parent.isDirectory() && !parent.mkdirs() && !parent.isDirectory()) {
            throw new IllegalStateException("cannot create directory " + parent + " for the SQLite file");
        }
    }

    /** sqlite-jdbc reports constraint violations in the message, not in the SQLState. */
    @Override
    public boolean isUniqueViolation(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("UNIQUE constraint failed") || message.contains("SQLITE_CONSTRAINT");
    }

    /** Hibernate's SQLite dialect is in {@code hibernate-community-dialects} and is not detected by itself. */
    @Override
    public Optional<String> hibernateDialect() {
        return Optional.of("org.hibernate.community.dialect.SQLiteDialect");
    }
}
