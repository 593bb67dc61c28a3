package org.gogoscope.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Opens the DataSource a {@link SqlSettings} names, and closes it if the adapter owns it. */
final class ConnectionSource {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final DataSource dataSource;
    private final HikariDataSource owned;
    private final JtaSuspender jta;
    private final boolean sessionTimeout;
    private final StatementCache statementCache;

    private ConnectionSource(DataSource dataSource, HikariDataSource owned, JtaSuspender jta) {
        this.dataSource = dataSource;
        this.owned = owned;
        this.jta = jta;
        String url = owned == null ? "" : owned.getJdbcUrl();
        this.sessionTimeout = url.startsWith(POSTGRESQL) || url.startsWith(SQLITE);
        this.statementCache = url.startsWith(SQLITE) ? new StatementCache() : null;
    }

    private static final String POSTGRESQL = "jdbc:postgresql:";
    private static final String SQLITE = "jdbc:sqlite:";

    /** Opens the DataSource; {@code jta} overrides the TransactionManager lookup when not null. */
    static ConnectionSource open(SqlSettings settings, JtaSuspender jta) {
        if (settings.dataSource() != null) {
            return new ConnectionSource(settings.dataSource(), null, jta != null ? jta : JtaSuspender.forContainer());
        }
        if (settings.jndiName() != null) {
            try {
                DataSource found = (DataSource) new InitialContext().lookup(settings.jndiName());
                return new ConnectionSource(found, null, jta != null ? jta : JtaSuspender.forContainer());
            } catch (NamingException | ClassCastException e) {
                throw new SqlFailure("no DataSource under JNDI name '" + settings.jndiName() + "': " + e, e);
            }
        }
        HikariDataSource pool = new HikariDataSource(hikari(settings));
        return new ConnectionSource(pool, pool, JtaSuspender.NONE);
    }

    static HikariConfig hikari(SqlSettings settings) {
        HikariConfig config = new HikariConfig();
        String url = settings.jdbcUrl();
        config.setPoolName("gogoscope-" + settings.backend() + "-" + POOLS.incrementAndGet());
        config.setJdbcUrl(url);
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
        int seconds = (int) Math.max(1, (timeout + 999) / 1000);
        if (url.startsWith(POSTGRESQL)) {
            // the statement bound, once per connection: pgjdbc's per-statement query timeout costs a timer task
            // and a wake-up of its timer thread per statement
            config.setConnectionInitSql(statementTimeoutSql(timeout));
            config.addDataSourceProperty("connectTimeout", String.valueOf(seconds));
            config.addDataSourceProperty("loginTimeout", String.valueOf(seconds));
            config.addDataSourceProperty("socketTimeout", String.valueOf(seconds * 2));
        } else if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            config.addDataSourceProperty("connectTimeout", String.valueOf(timeout));
            config.addDataSourceProperty("socketTimeout", String.valueOf(timeout * 2));
        } else if (url.startsWith(SQLITE)) {
            createParentDirectory(url.substring(SQLITE.length()));
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", String.valueOf(timeout));
        }
        return config;
    }

    private static void createParentDirectory(String path) {
        String file = path.startsWith("file:") ? path.substring(5) : path;
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.startsWith(":memory:")) {
            return;
        }
        File parent = new File(file).getAbsoluteFile().getParentFile();
        if (parent != null && !parent.isDirectory() && !parent.mkdirs() && !parent.isDirectory()) {
            throw new SqlFailure("cannot create directory " + parent + " for the SQLite file", null);
        }
    }

    /** PostgreSQL's session statement bound; 0 turns it off. */
    static String statementTimeoutSql(long millis) {
        return "SET statement_timeout = " + millis;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Whether the session bounds every statement by the timeout (the adapter's own pool: PostgreSQL
     * {@code statement_timeout}, SQLite {@code busy_timeout}), so statements need no query timeout of their own.
     */
    boolean sessionTimeout() {
        return sessionTimeout;
    }

    /** Whether statements run on the adapter's own PostgreSQL pool, whose sessions carry statement_timeout. */
    boolean postgresSessionTimeout() {
        return owned != null && owned.getJdbcUrl().startsWith(POSTGRESQL);
    }

    /** The prepared-statement cache for the adapter's own SQLite pool; null otherwise. */
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
