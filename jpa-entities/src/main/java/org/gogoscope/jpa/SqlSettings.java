package org.gogoscope.jpa;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * How a {@link SqlAdapter} reaches its database: exactly one of a JDBC URL (the adapter runs its own HikariCP
 * pool), a container DataSource's JNDI name, or a {@link DataSource} object the caller owns. Immutable; the
 * {@code with...} methods return modified copies.
 *
 * @param backend a backend name of a {@link Dialect}, e.g. {@code postgresql}, {@code mariadb}
 * @param jdbcUrl JDBC URL for a pool of the adapter's own, or {@code null}. A {@code user} or {@code password}
 *     in its query string is moved out of it into {@code user} / {@code password} (see {@link UrlCredentials}: some
 *     drivers log the URL), so this component never holds them; giving a different value both ways is an error
 * @param user database user, or {@code null}
 * @param password database password, or {@code null}; never printed
 * @param poolSize maximum connections of the adapter's pool
 * @param jndiName JNDI name of a container DataSource, or {@code null}
 * @param dataSource a DataSource the caller owns, or {@code null}
 * @param createSchema whether {@code connect()} creates and migrates the tables
 * @param timeout bound on getting a connection and on each statement
 * @param purgeInterval how often the adapter's purge thread runs ({@link Duration#ZERO}: no thread); each run
 *     deletes batches of {@code purgeBatch} per table while they come back full, up to 20 per table, and starts the
 *     next run at once when that budget ran out ({@code PurgeSchedule})
 * @param purgeBatch rows per purge statement
 */
public record SqlSettings(String backend, String jdbcUrl, String user, String password, int poolSize,
        String jndiName, DataSource dataSource, boolean createSchema, Duration timeout, Duration purgeInterval,
        int purgeBatch) {

    public static final int DEFAULT_POOL_SIZE = SqlProperties.POOL_SIZE.defaultValue();
    public static final Duration DEFAULT_TIMEOUT = SqlProperties.TIMEOUT.defaultValue();
    public static final Duration DEFAULT_PURGE_INTERVAL = SqlProperties.PURGE_INTERVAL.defaultValue();
    public static final int DEFAULT_PURGE_BATCH = SqlProperties.PURGE_BATCH.defaultValue();

    public SqlSettings {
        Dialect.ofBackend(Objects.requireNonNull(backend, "backend"));
        backend = backend.toLowerCase(Locale.ROOT);
        int sources = (jdbcUrl == null ? 0 : 1) + (jndiName == null ? 0 : 1) + (dataSource == null ? 0 : 1);
        if (sources != 1) {
            throw new IllegalArgumentException("exactly one of jdbcUrl, jndiName and dataSource must be given, were "
                    + sources);
        }
        if (jdbcUrl != null) {
            UrlCredentials inUrl = UrlCredentials.split(jdbcUrl);
            String conflict = inUrl.conflictWith(user, password).orElse(null);
            if (conflict != null) {
                throw new IllegalArgumentException(conflict + " is given twice, in jdbcUrl and as " + conflict
                        + ", with different values");
            }
            jdbcUrl = inUrl.url();
            user = user != null ? user : inUrl.user();
            password = password != null ? password : inUrl.password();
        }
        // the same rules as the properties of a configured store
        SqlProperties.POOL_SIZE.check("poolSize", poolSize);
        SqlProperties.TIMEOUT.check("timeout", timeout);
        SqlProperties.PURGE_INTERVAL.check("purgeInterval", purgeInterval);
        SqlProperties.PURGE_BATCH.check("purgeBatch", purgeBatch);
    }

    /** A pool of the adapter's own on {@code jdbcUrl}, with defaults for everything else. */
    public static SqlSettings jdbc(String backend, String jdbcUrl, String user, String password) {
        return new SqlSettings(backend, Objects.requireNonNull(jdbcUrl, "jdbcUrl"), user, password, DEFAULT_POOL_SIZE,
                null, null, true, DEFAULT_TIMEOUT, DEFAULT_PURGE_INTERVAL, DEFAULT_PURGE_BATCH);
    }

    /** A container DataSource looked up by {@code jndiName}. */
    public static SqlSettings jndi(String backend, String jndiName) {
        return new SqlSettings(backend, null, null, null, DEFAULT_POOL_SIZE, Objects.requireNonNull(jndiName,
                "jndiName"), null, true, DEFAULT_TIMEOUT, DEFAULT_PURGE_INTERVAL, DEFAULT_PURGE_BATCH);
    }

    /** A DataSource the caller owns (and closes). */
    public static SqlSettings dataSource(String backend, DataSource dataSource) {
        return new SqlSettings(backend, null, null, null, DEFAULT_POOL_SIZE, null, Objects.requireNonNull(dataSource,
                "dataSource"), true, DEFAULT_TIMEOUT, DEFAULT_PURGE_INTERVAL, DEFAULT_PURGE_BATCH);
    }

    /** SQLite on {@code file} (created with its directories when missing). */
    public static SqlSettings sqliteFile(String file) {
        return jdbc("sqlite", "jdbc:sqlite:" + file, null, null);
    }

    public Dialect dialect() {
        return Dialect.ofBackend(backend);
    }

    public SqlSettings withPoolSize(int size) {
        return new SqlSettings(backend, jdbcUrl, user, password, size, jndiName, dataSource, createSchema, timeout,
                purgeInterval, purgeBatch);
    }

    public SqlSettings withCreateSchema(boolean create) {
        return new SqlSettings(backend, jdbcUrl, user, password, poolSize, jndiName, dataSource, create, timeout,
                purgeInterval, purgeBatch);
    }

    public SqlSettings withTimeout(Duration value) {
        return new SqlSettings(backend, jdbcUrl, user, password, poolSize, jndiName, dataSource, createSchema, value,
                purgeInterval, purgeBatch);
    }

    public SqlSettings withPurge(Duration interval, int batch) {
        return new SqlSettings(backend, jdbcUrl, user, password, poolSize, jndiName, dataSource, createSchema, timeout,
                interval, batch);
    }

    @Override
    public String toString() {
        return "SqlSettings[backend=" + backend + ", source=" + (jdbcUrl != null ? "jdbc" : jndiName != null
                ? "jndi:" + jndiName : "dataSource") + ", poolSize=" + poolSize + ", createSchema=" + createSchema
                + ", timeout=" + timeout + "]";
    }
}
