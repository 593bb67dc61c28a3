package org.gogoscope.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.gogoscope.core.tls.TlsFailures;
import org.gogoscope.jpa.dialect.SqlDialect;

/**
 * The adapter's own connection pool (HikariCP) for a store configured with {@code jdbc.url}. The only class that
 * touches HikariCP, which is an optional dependency: a store on a container DataSource never loads it, and
 * {@link #available()} lets configuration say what is missing before anything else fails.
 */
final class OwnedPool implements AutoCloseable {

    private static final String POOL_CLASS = "com.zaxxer.hikari.HikariDataSource";
    private static final AtomicInteger POOLS = new AtomicInteger();
    /** The pause between two connection attempts of the probe while the database is only busy. */
    private static final long BUSY_PAUSE_MILLIS = 25;

    private final HikariDataSource pool;

    private OwnedPool(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Whether HikariCP can be loaded next to this class. */
    static boolean available() {
        try {
            Class.forName(POOL_CLASS, false, OwnedPool.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Probes the database once through the driver, then starts the pool. The dialect's preparation (SQLite: the
     * file's directory) comes first: the probe is the first connection.
     */
    static OwnedPool open(SqlSettings settings) {
        beforeFirstConnect(settings);
        probe(settings, settings.dialect().sql());
        return new OwnedPool(FailFastPool.start(config(settings), settings));
    }

    /**
     * The pool, failing a call at once when the server refuses connections. HikariCP waits its whole connection
     * timeout for a connection while its own attempts are refused, and then says only that none was available. So
     * when the pool holds no connection at all (a server gone away: the dead ones are evicted), or its last wait
     * ended because the server could not be reached, a call first opens one connection straight through the
     * driver: refused, it fails in milliseconds naming the address and the cause; answered, the call waits for the
     * pool as usual (which then connects again). A healthy pool (it keeps {@code min(2, pool size)} connections)
     * never probes.
     */
    private static final class FailFastPool extends HikariDataSource {
        private final DriverDataSource driver;
        private final String address;
        private final String jdbcUrl;
        private final SqlDialect dialect;
        private volatile boolean unreachable;

        /**
         * Typed as the pool, so that verifying {@link OwnedPool} never loads this subclass (and HikariCP with it:
         * {@link #available()} must work without it).
         */
        static HikariDataSource start(HikariConfig config, SqlSettings settings) {
            return new FailFastPool(config, settings);
        }

        private FailFastPool(HikariConfig config, SqlSettings settings) {
            super(config);
            this.driver = (DriverDataSource) config.getDataSource(); // the pool's own: it probes as the pool connects
            this.address = address(settings.jdbcUrl());
            this.jdbcUrl = settings.jdbcUrl();
            this.dialect = settings.dialect().sql();
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (unreachable || getHikariPoolMXBean() != null && getHikariPoolMXBean().getTotalConnections() == 0) {
                try (Connection probe = driver.getConnection()) {
                    unreachable = false;
                } catch (SQLException e) {
                    if (TlsFailures.causes(e).stream().anyMatch(TlsFailures::isUnreachable)) {
                        unreachable = true;
                        throw new SQLException(SqlFailure.connectFailure(address, jdbcUrl, dialect, e), e.getSQLState(), e);
                    }
                    // something else (credentials, a full server): the pool reports it as it does
                }
            }
            try {
                return super.getConnection();
            } catch (SQLException e) {
                if (TlsFailures.causes(e).stream().anyMatch(TlsFailures::isUnreachable)) {
                    unreachable = true;
                }
                throw e;
            }
        }
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * One connection straight through the driver, with the pool's driver properties, before the pool exists: a
     * refused port fails here at once, an unreachable host within the driver's connect timeout, and the message
     * names the address and the cause. (The pool would go on retrying until its own timeout and report only that
     * no connection was available.)
     */
    private static void probe(SqlSettings settings, SqlDialect dialect) {
        // the pool's own way to find the driver, so the probe sees what the pool will see
        DriverDataSource driver;
        try {
            driver = driver(settings, dialect);
        } catch (RuntimeException e) { // HikariCP: "Failed to get driver instance for jdbcUrl=..." (URL with secrets)
            throw new SqlFailure("no JDBC driver on the class path accepts the " + settings.backend() + " URL of "
                    + address(settings.jdbcUrl()) + ": add the " + settings.backend()
                    + " JDBC driver to the application, or name a server DataSource (property datasource)", null);
        }
        // a database that is only busy (several nodes opening one fresh SQLite file at once) is asked again until
        // the store's timeout; anything else fails at once
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (true) {
            try (Connection connection = driver.getConnection()) {
                connection.isValid(1);
                return;
            } catch (SQLException e) {
                if (!dialect.isBusy(e) || System.nanoTime() >= deadline) {
                    String url = settings.jdbcUrl();
                    throw new SqlFailure(SqlFailure.connectFailure(address(url), url, dialect, e), e);
                }
            }
            try {
                Thread.sleep(BUSY_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SqlFailure("interrupted while connecting to " + address(settings.jdbcUrl()), e);
            }
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

    private static void beforeFirstConnect(SqlSettings settings) {
        try {
            settings.dialect().sql().beforeFirstConnect(settings.jdbcUrl());
        } catch (RuntimeException e) {
            throw new SqlFailure(e.getMessage(), e);
        }
    }

    /**
     * The pool of the adapter's own: generic settings here, the driver's from the dialect; the dialect's
     * preparation for a first connection runs first.
     */
    static HikariConfig hikari(SqlSettings settings) {
        beforeFirstConnect(settings);
        return config(settings);
    }

    /** {@link #hikari} once the dialect's preparation has run. */
    private static HikariConfig config(SqlSettings settings) {
        SqlDialect dialect = settings.dialect().sql();
        HikariConfig config = new HikariConfig();
        config.setPoolName("gogoscope-" + settings.backend() + "-" + POOLS.incrementAndGet());
        config.setDataSource(driver(settings, dialect));
        // Not used to connect (the DataSource above is), but HikariCP reads it to choose its work-around for MySQL
        // Connector/J (network timeouts set synchronously, MySQL bug 75615): without it, a statement cancelled by
        // its timeout left a closed connection in the pool (StatementBoundTest, MySQL Connector/J, 1 run in 2).
        config.setJdbcUrl(UrlCredentials.withoutSecrets(settings.jdbcUrl()).url());
        long timeout = settings.timeout().toMillis();
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.max(250, Math.min(timeout, 5000)));
        config.setInitializationFailTimeout(-1); // connect() checks the database itself, within the timeout
        config.setAutoCommit(true);
        dialect.sessionStatementTimeout(timeout).ifPresent(config::setConnectionInitSql);
        return config;
    }

    /**
     * The driver as HikariCP would wrap it for a {@code jdbcUrl}, built here so that what the driver needs but no
     * log may show stays out of HikariCP's configuration (which it logs at DEBUG, masking only a property named
     * {@code password} and URL parameters ending in {@code password=}) and out of the URL the driver logs
     * (pgJDBC at FINE): user, password and the URL's secret parameters ({@link UrlCredentials#withoutSecrets},
     * e.g. {@code sslpassword}) are connection properties.
     */
    private static DriverDataSource driver(SqlSettings settings, SqlDialect dialect) {
        UrlCredentials.WithoutSecrets url = UrlCredentials.withoutSecrets(settings.jdbcUrl());
        Properties properties = new Properties();
        properties.putAll(dialect.driverProperties(settings.timeout()));
        properties.putAll(url.secrets());
        return new DriverDataSource(url.url(), null, properties, settings.user(), settings.password());
    }
}
