package org.gogoscope.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.gogoscope.jpa.dialect.SqlDialect;
import org.gogoscope.jpa.dialect.SqlStatements;

/**
 * Runs one statement per call on a pooled connection in auto-commit mode: one statement is one round trip and
 * its own transaction, never the caller's (a caller's JTA transaction is suspended around the call). Every
 * statement is bounded by the configured timeout: per statement ({@code setQueryTimeout}) on a container's
 * DataSource and on MySQL/MariaDB, by the session on the adapter's own pool where the database offers that
 * (PostgreSQL {@code statement_timeout}, SQLite {@code busy_timeout}), which costs nothing per call (pgjdbc runs
 * a timer task per statement with a query timeout). A statement the dialect reports as a deadlock victim was
 * rolled back as a whole and is run again (at most 3 attempts); other {@link SQLException}s leave as
 * {@link SqlFailure}.
 *
 * <p>A parameter named {@value SqlStatements#CLOCK} is bound to this JVM's clock in epoch milliseconds, read once
 * per execution; only dialects whose database clock is this machine's clock use it (SQLite).
 */
final class Db {

    /** Reads one row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface Execution<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private final DataSource dataSource;
    private final int timeoutSeconds;
    private final JtaSuspender jta;
    private final boolean queryTimeout;
    private final StatementCache cache;
    private final SqlDialect dialect;

    Db(DataSource dataSource, int timeoutSeconds, JtaSuspender jta, SqlDialect dialect) {
        this(dataSource, timeoutSeconds, jta, true, null, dialect);
    }

    /**
     * @param queryTimeout whether each statement gets {@code setQueryTimeout} (false when the session bounds it)
     * @param cache        prepared statements kept per connection, or null to prepare every time
     * @param dialect      tells deadlock victims from other failures
     */
    Db(DataSource dataSource, int timeoutSeconds, JtaSuspender jta, boolean queryTimeout, StatementCache cache,
            SqlDialect dialect) {
        this.dataSource = dataSource;
        this.timeoutSeconds = timeoutSeconds;
        this.jta = jta;
        this.queryTimeout = queryTimeout;
        this.cache = cache;
        this.dialect = dialect;
    }

    /** Executes an INSERT, UPDATE or DELETE; returns the update count. */
    int update(NamedSql sql, Params params) {
        return execute(sql, params, false, PreparedStatement::executeUpdate);
    }

    /** Executes a query (or a statement with RETURNING) and reads every row. */
    <T> List<T> query(NamedSql sql, Params params, Row<T> row) {
        return execute(sql, params, false, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
                return rows;
            }
        });
    }

    <T> Optional<T> queryOne(NamedSql sql, Params params, Row<T> row) {
        List<T> rows = query(sql, params, row);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Executes an INSERT and returns the first generated key when it is not 0: MySQL reports the value of
     * {@code LAST_INSERT_ID(expr)} in the reply to the statement itself, so this costs no extra round trip.
     */
    OptionalLong updateReturningKey(NamedSql sql, Params params) {
        return execute(sql, params, true, statement -> {
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (keys.next()) {
                    long key = keys.getLong(1);
                    return key == 0 ? OptionalLong.empty() : OptionalLong.of(key);
                }
                return OptionalLong.empty();
            }
        });
    }

    /** Prepares (or takes from the cache), binds and runs one statement on a pooled connection. */
    private <T> T execute(NamedSql sql, Params params, boolean keys, Execution<T> execution) {
        return run(connection -> {
            if (cache == null || keys) {
                try (PreparedStatement statement = prepare(connection, sql, keys)) {
                    bind(statement, sql, params);
                    return execution.run(statement);
                }
            }
            try {
                PreparedStatement statement = cache.prepare(connection, sql);
                bind(statement, sql, params);
                return execution.run(statement);
            } catch (SQLException | RuntimeException e) {
                cache.discard(connection, sql);
                throw e;
            }
        });
    }

    /** Runs {@code work} on one connection (schema creation). */
    <T> T withConnection(Work<T> work) {
        return run(work);
    }

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** Attempts of a statement the database chose as a deadlock victim (rolled back entirely, so safe to rerun). */
    private static final int DEADLOCK_ATTEMPTS = 3;

    private <T> T run(Work<T> work) {
        return jta.outsideTransaction(() -> {
            for (int attempt = 1;; attempt++) {
                try (Connection connection = dataSource.getConnection()) {
                    return work.run(connection);
                } catch (SQLException e) {
                    if (attempt >= DEADLOCK_ATTEMPTS || !dialect.isDeadlock(e)) {
                        throw new SqlFailure(e);
                    }
                }
            }
        });
    }

    /** Whether {@code failure} is the database refusing a row that breaks a unique constraint. */
    boolean isUniqueViolation(SqlFailure failure) {
        return failure.getCause() instanceof SQLException cause && dialect.isUniqueViolation(cause);
    }

    private PreparedStatement prepare(Connection connection, NamedSql sql, boolean keys) throws SQLException {
        return keys ? connection.prepareStatement(sql.jdbc(), Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(sql.jdbc());
    }

    private void bind(PreparedStatement statement, NamedSql sql, Params params) throws SQLException {
        if (queryTimeout) {
            statement.setQueryTimeout(timeoutSeconds);
        }
        List<String> names = sql.names();
        long clock = sql.usesClock() ? System.currentTimeMillis() : 0;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Object value = name.equals(SqlStatements.CLOCK) ? Long.valueOf(clock) : params.get(name);
            if (value instanceof Params.Null typed) {
                statement.setNull(i + 1, typed.sqlType());
            } else if (value instanceof String text) {
                statement.setString(i + 1, text);
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else {
                throw new IllegalStateException("unsupported SQL parameter type " + value.getClass());
            }
        }
    }
}
