package org.gogoscope.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.gogoscope.jpa.dialect.SqlDialect;

/**
 * Opens the DataSource a {@link SqlSettings} names, and closes it if the adapter owns it. Everything that depends
 * on the database product (driver properties, session statement bound, statement cache) is the dialect's.
 */
final class ConnectionSource {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final DataSource dataSource;
    private final HikariDataSource owned;
    private final JtaSuspender jta;
    private final SqlDialect dialect;
    private final StatementCache statementCache;

    private ConnectionSource(DataSource dataSource, HikariDataSource owned, JtaSuspender jta, SqlDialect dialect) {
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
        probe(settings, dialect);
        HikariDataSource pool = new HikariDataSource(hikari(settings));
        return new ConnectionSource(pool, pool, JtaSuspender.NONE, dialect);
    }

    /**
     * One connection straight through the driver, with the pool's driver properties, before the pool exists: a
     * refused port fails here at once, an unreachable host within the driver's connect timeout, and the message
     * names the address and the cause. (The pool would go on retrying until its own timeout and report only that
     * no connection was available.)
     */
    private static void probe(SqlSettings settings, SqlDialect dialect) {
        Properties properties = new Properties();
        properties.putAll(dialect.driverProperties(settings.timeout()));
        // the pool's own way to find the driver, so the probe sees what the pool will see
        DriverDataSource driver = new DriverDataSource(settings.jdbcUrl(), null, properties, settings.user(),
                settings.password());
        try (Connection connection = driver.getConnection()) {
            connection.isValid(1);
        } catch (SQLException e) {
            throw new SqlFailure("cannot connect to " + address(settings.jdbcUrl()) + ": " + SqlFailure.describe(e),
                    e);
        }
    }

    /** {@code host:port} (or the file) of a JDBC URL, without anything a user info part could hold. */
    static String address(String jdbcUrl) {
        int slashes = jdbcUrl.indexOf("//");
        if (slashes < 0) {
            int colon = jdbcUrl.indexOf(':', "jdbc:".length());
            String rest = colon < 0 ? jdbcUrl : jdbcUrl.substring(colon + 1);
            int query = rest.indexOf('?');
            return query < 0 ? rest : rest.substring(0, query);
        }
        String rest = jdbcUrl.substring(slashes + 2);
        int end = 0;
        while (end < rest.length() && "/?;".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    /** The pool of the adapter's own: generic settings here, the driver's from the dialect. */
    static HikariConfig hikari(SqlSettings settings) {
        SqlDialect dialect = settings.dialect().sql();
        try {
            dialect.beforeFirstConnect(settings.jdbcUrl());
        } catch (RuntimeException e) {
            throw new SqlFailure(e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("gogoscope-" + settings.backend() + "-" + POOLS.incrementAndGet());
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        long timeout = settings.timeout().toMillis();
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.max(250, Math.min(timeout, 5000)));
        config.setInitializationFailTimeout(-1); // connect() checks the database itself, within the timeout
        config.setAutoCommit(true);
        dialect.sessionStatementTimeout(timeout).ifPresent(config::setConnectionInitSql);
        dialect.driverProperties(settings.timeout()).forEach(config::addDataSourceProperty);
        return config;
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
            owned.close();
        }
    }
}
