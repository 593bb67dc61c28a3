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

/**
 * Runs one statement per call on a pooled connection in auto-commit mode: one statement is one round trip and
 * its own transaction, never the caller's (a caller's JTA transaction is suspended around the call). Every
 * statement gets the configured query timeout. A statement chosen as a deadlock victim was rolled back as a
 * whole and is run again (at most 3 attempts); other {@link SQLException}s leave as {@link SqlFailure}.
 */
final class Db {

    /** Reads one row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;
    private final int timeoutSeconds;
    private final JtaSuspender jta;

    Db(DataSource dataSource, int timeoutSeconds, JtaSuspender jta) {
        this.dataSource = dataSource;
        this.timeoutSeconds = timeoutSeconds;
        this.jta = jta;
    }

    /** Executes an INSERT, UPDATE or DELETE; returns the update count. */
    int update(NamedSql sql, Params params) {
        return run(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, params, false)) {
                return statement.executeUpdate();
            }
        });
    }

    /** Executes a query (or a statement with RETURNING) and reads every row. */
    <T> List<T> query(NamedSql sql, Params params, Row<T> row) {
        return run(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, params, false);
                    ResultSet rs = statement.executeQuery()) {
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
        return run(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, params, true)) {
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    if (keys.next()) {
                        long key = keys.getLong(1);
                        return key == 0 ? OptionalLong.empty() : OptionalLong.of(key);
                    }
                    return OptionalLong.empty();
                }
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
                    if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(e)) {
                        throw new SqlFailure(e);
                    }
                }
            }
        });
    }

    /** Deadlock or serialization failure: PostgreSQL 40P01/40001, MySQL/MariaDB 1213 (40001). */
    static boolean isDeadlock(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state) || e.getErrorCode() == 1213;
    }

    private PreparedStatement prepare(Connection connection, NamedSql sql, Params params, boolean keys)
            throws SQLException {
        PreparedStatement statement = keys
                ? connection.prepareStatement(sql.jdbc(), Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(sql.jdbc());
        try {
            statement.setQueryTimeout(timeoutSeconds);
            List<String> names = sql.names();
            for (int i = 0; i < names.size(); i++) {
                Object value = params.get(names.get(i));
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
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
