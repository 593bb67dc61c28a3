package org.gogoscope.jpa;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.gogoscope.jpa.dialect.SqlDialect;

/**
 * Opens the DataSource a {@link SqlSettings} names (a given one, a JNDI name, or the adapter's own {@link OwnedPool}
 * for a JDBC URL), and closes it if the adapter owns it. Everything that depends
 * on the database product (driver properties, session statement bound, statement cache) is the dialect's.
 */
final class ConnectionSource {

    private final DataSource dataSource;
    private final AutoCloseable owned;
    private final JtaSuspender jta;
    private final SqlDialect dialect;
    private final StatementCache statementCache;

    private ConnectionSource(DataSource dataSource, AutoCloseable owned, JtaSuspender jta, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.owned = owned;
        this.jta = jta;
        this.dialect = dialect;
        this.statementCache = owned != null && dialect.cachesPreparedStatements() ? new StatementCache() : null;
    }

    /** Opens the DataSource; {@code jta} overrides the TransactionManager lookup when not null. */
    static ConnectionSource open(SqlSettings settings, JtaSuspender jta) {
        SqlDialect dialect = settings.dialect().sql();
        if (settings.dataSource() != null) {
            return new ConnectionSource(settings.dataSource(), null, jta != null ? jta : JtaSuspender.forContainer(),
                    dialect);
        }
        if (settings.jndiName() != null) {
            try {
                DataSource found = (DataSource) new InitialContext().lookup(settings.jndiName());
                return new ConnectionSource(found, null, jta != null ? jta : JtaSuspender.forContainer(), dialect);
            } catch (NamingException | ClassCastException e) {
                throw new SqlFailure("no DataSource under JNDI name '" + settings.jndiName() + "': " + e, e);
            }
        }
        OwnedPool pool = OwnedPool.open(settings);
        return new ConnectionSource(pool.dataSource(), pool, JtaSuspender.NONE, dialect);
    }

    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Whether the session bounds every statement by the timeout (the adapter's own pool, where the dialect says
     * so), so statements need no query timeout of their own.
     */
    boolean sessionTimeout() {
        return owned != null && dialect.ownPoolBoundsStatements();
    }

    /** Whether sessions run the dialect's statement bound, which schema creation must lift. */
    boolean sessionStatementBound() {
        return owned != null && dialect.sessionStatementTimeout(0).isPresent();
    }

    /** The prepared-statement cache for the adapter's own pool where the dialect wants one; null otherwise. */
    StatementCache statementCache() {
        return statementCache;
    }

    JtaSuspender jta() {
        return jta;
    }

    void close() {
        if (statementCache != null) {
            statementCache.close();
        }
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new SqlFailure("closing the pool failed: " + e, e);
            }
        }
    }
}
