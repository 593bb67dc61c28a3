package org.gogoscope.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept open per physical connection of a pool the adapter owns, for SQLite: there,
 * preparing a statement compiles its SQL in-process (sqlite-jdbc caches nothing), which cost as much as running
 * the lock statements themselves. Server drivers cache on their own (pgjdbc) or prepare on the client only
 * (MariaDB), so this is not used for them.
 *
 * <p>Statements are prepared on the physical connection (unwrapped from the pool's proxy), so the pool does not
 * close them when the connection is returned. A physical connection is used by one thread at a time (it is
 * checked out), so its own map needs no lock; the pool's hand-over publishes it to the next thread. Maps of
 * connections the pool has closed are dropped whenever a new connection shows up, so at most the pool's size of
 * maps plus the ones closed since then are held. A statement that failed is closed and prepared again next time.
 */
final class StatementCache {

    private final Map<Connection, Map<NamedSql, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    /** The cached statement for {@code sql} on {@code pooled}'s physical connection; never close it. */
    PreparedStatement prepare(Connection pooled, NamedSql sql) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        Map<NamedSql, PreparedStatement> statements = byConnection.get(physical);
        if (statements == null) {
            byConnection.keySet().removeIf(StatementCache::isClosed);
            statements = new HashMap<>();
            byConnection.put(physical, statements);
        }
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql.jdbc());
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Drops (and closes) the cached statement after a failure, so that the next call prepares it afresh. */
    void discard(Connection pooled, NamedSql sql) {
        try {
            Map<NamedSql, PreparedStatement> statements = byConnection.get(pooled.unwrap(Connection.class));
            PreparedStatement statement = statements == null ? null : statements.remove(sql);
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException e) {
            // already unusable: the pool will replace the connection
        }
    }

    /** Closes every cached statement; called before the pool closes, when no statement runs any more. */
    void close() {
        for (Map<NamedSql, PreparedStatement> statements : byConnection.values()) {
            for (PreparedStatement statement : statements.values()) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    // the connection closes next anyway
                }
            }
        }
        byConnection.clear();
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
