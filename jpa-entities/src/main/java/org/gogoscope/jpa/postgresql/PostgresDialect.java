package org.gogoscope.jpa.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gogoscope.jpa.dialect.SqlDialect;
import org.gogoscope.jpa.dialect.SqlStatements;
import org.gogoscope.jpa.dialect.UrlValues;

/**
 * PostgreSQL 12+ (verified on 15) with pgJDBC: statements in {@link PostgresStatements}, DDL in
 * {@code postgresql.sql} beside this class.
 */
public final class PostgresDialect extends SqlDialect {

    /**
     * Keys of at most 512 characters: TEXT has no limit, but a B-tree entry (4 bytes per character at worst) must
     * stay below 2704 bytes.
     */
    public PostgresDialect() {
        super("PostgreSQL", Set.of("postgresql"), new PostgresStatements(), 512,
                "org/gogoscope/jpa/postgresql/postgresql.sql");
    }

    @Override
    public boolean isProduct(String databaseProductName) {
        return databaseProductName.toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** The tables keyed by an application key, whose key column compares in code-point order. */
    static final List<String> KEYED_TABLES = List.of(SqlStatements.LOCKS, SqlStatements.CIRCUIT,
            SqlStatements.CACHE, SqlStatements.IDEMPOTENCY, SqlStatements.CIRCUIT_RECORDS);

    /**
     * Adds the columns the seeds' schema lacks (the unique index on checkpoints is in the DDL), drops the seeds'
     * unused lock-expiry index, and gives key columns created with the database's collation (the seeds' DDL)
     * {@code COLLATE "C"}, which rebuilds their primary key once. {@code ADD COLUMN IF NOT EXISTS} is idempotent;
     * concurrent nodes are serialised by PostgreSQL's table lock, and a node that loses a catalog race retries the
     * schema step.
     */
    @Override
    public void migrate(Connection connection) throws SQLException {
        List<String> otherCollation = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT table_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND column_name = 'key' AND table_name = ANY (?)"
                + " AND collation_name IS DISTINCT FROM 'C'")) {
            query.setArray(1, connection.createArrayOf("text", KEYED_TABLES.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    otherCollation.add(rs.getString(1));
                }
            }
        }
        String[] statements = {
            "ALTER TABLE go_goscope_locks ADD COLUMN IF NOT EXISTS fencing_token BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE go_goscope_idempotency ADD COLUMN IF NOT EXISTS claim_token TEXT",
            "ALTER TABLE go_goscope_idempotency ADD COLUMN IF NOT EXISTS fingerprint TEXT",
            "ALTER TABLE go_goscope_idempotency ADD COLUMN IF NOT EXISTS result JSONB",
            // the Node adapters' index on lock expiry: read by nothing here, and it makes every lock write a
            // non-HOT update (measured with 8 clients: about 15-20 % fewer acquire + release per second)
            "DROP INDEX IF EXISTS idx_locks_expires"
        };
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            for (String table : otherCollation) {
                statement.execute("ALTER TABLE " + table + " ALTER COLUMN key TYPE TEXT COLLATE \"C\"");
            }
        }
    }

    /** The tables, columns and table privileges the statements need: {@link PostgresSchemaCheck}. */
    @Override
    public List<String> schemaProblems(Connection connection) throws SQLException {
        return PostgresSchemaCheck.problems(connection);
    }

    /** pgJDBC takes connect and login timeouts in seconds; the socket timeout is twice the statement bound. */
    @Override
    public Map<String, String> driverProperties(Duration timeout) {
        long seconds = seconds(timeout);
        return Map.of("connectTimeout", String.valueOf(seconds), "loginTimeout", String.valueOf(seconds),
                "socketTimeout", String.valueOf(seconds * 2));
    }

    /**
     * The statement bound, once per connection: pgJDBC's per-statement query timeout costs a timer task and a
     * wake-up of its timer thread per statement.
     */
    @Override
    public Optional<String> sessionStatementTimeout(long millis) {
        return Optional.of("SET statement_timeout = " + millis);
    }

    /** Also 40P01, PostgreSQL's deadlock_detected. */
    @Override
    public boolean isDeadlock(SQLException e) {
        return super.isDeadlock(e) || "40P01".equals(e.getSQLState());
    }

    /** pgJDBC decodes percent-escapes and {@code +} in its URL's values. */
    @Override
    public Optional<UrlValues> urlValues(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? Optional.of(UrlValues.PERCENT_DECODED) : Optional.empty();
    }

    /**
     * A server whose pg_hba.conf admits this client only with {@code hostssl} refuses a plaintext connection with
     * SQLState 28000 (invalid authorization) and "no encryption" at the end of its message.
     */
    @Override
    public Optional<String> connectFailureHint(SQLException e, String described, String jdbcUrl) {
        if ("28000".equals(e.getSQLState()) && described.contains("no encryption")) {
            return Optional.of("TLS: the server accepts this client only over TLS, and the URL turns it"
                    + " off (sslmode=verify-full)");
        }
        return Optional.empty();
    }
}
