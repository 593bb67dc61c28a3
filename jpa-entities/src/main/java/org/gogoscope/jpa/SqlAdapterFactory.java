package org.gogoscope.jpa;

import java.time.Duration;
import java.util.Set;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.spi.AdapterFactory;
import org.gogoscope.core.spi.AdapterSettings;

/**
 * Backends {@code postgresql}, {@code mysql}, {@code mariadb} and {@code sqlite} from configuration. Properties,
 * relative to {@code gogoscope.store.<name>.}: {@code datasource} (JNDI name of a container DataSource) or
 * {@code jdbc.url} with {@code jdbc.user}, {@code jdbc.password}, {@code jdbc.pool-size}; then
 * {@code create-schema}, {@code timeout}, {@code purge.interval}, {@code purge.batch}. SQLite without either
 * uses the file {@code gogoscope-<store>.db} in the working directory.
 */
public final class SqlAdapterFactory implements AdapterFactory {

    @Override
    public Set<String> backends() {
        return Dialect.backendNames();
    }

    @Override
    public PersistenceAdapter create(String backend, AdapterSettings settings) {
        return new SqlAdapter(settings(backend, settings), settings.keyPrefix());
    }

    /** The {@link SqlSettings} of one store. */
    public static SqlSettings settings(String backend, AdapterSettings settings) {
        String jndi = settings.get("datasource").orElse(null);
        String url = settings.get("jdbc.url").orElse(null);
        if (jndi != null && url != null) {
            throw new org.gogoscope.api.ConfigurationException(settings.fullName("datasource"), "Set either "
                    + settings.fullName("datasource") + " or " + settings.fullName("jdbc.url") + ", not both");
        }
        if (jndi == null && url == null) {
            url = Dialect.ofBackend(backend).sql().defaultJdbcUrl(settings.storeName())
                    .orElseGet(() -> settings.require("jdbc.url")); // throws naming the property
        }
        if (url != null && !url.startsWith("jdbc:")) {
            throw settings.invalid("jdbc.url", url, "a JDBC URL starting with jdbc:", null);
        }
        int poolSize = settings.getInt("jdbc.pool-size", SqlSettings.DEFAULT_POOL_SIZE);
        if (poolSize < 1) {
            throw settings.invalid("jdbc.pool-size", String.valueOf(poolSize), "a number >= 1", null);
        }
        Duration timeout = settings.getDuration("timeout", SqlSettings.DEFAULT_TIMEOUT);
        if (timeout.toMillis() < 250) {
            throw settings.invalid("timeout", String.valueOf(timeout), "a duration of at least 250ms", null);
        }
        Duration purgeInterval = settings.getDuration("purge.interval", SqlSettings.DEFAULT_PURGE_INTERVAL);
        if (purgeInterval.isNegative()) {
            throw settings.invalid("purge.interval", String.valueOf(purgeInterval), "a duration >= 0", null);
        }
        int purgeBatch = settings.getInt("purge.batch", SqlSettings.DEFAULT_PURGE_BATCH);
        if (purgeBatch < 1) {
            throw settings.invalid("purge.batch", String.valueOf(purgeBatch), "a number >= 1", null);
        }
        String user = settings.get("jdbc.user").orElse(null);
        String password = settings.get("jdbc.password").orElse(null);
        if (url != null) {
            UrlCredentials inUrl;
            try {
                inUrl = UrlCredentials.split(url);
            } catch (IllegalArgumentException e) {
                throw new org.gogoscope.api.ConfigurationException(settings.fullName("jdbc.url"),
                        settings.fullName("jdbc.url") + ": " + e.getMessage());
            }
            String conflict = inUrl.conflictWith(user, password).orElse(null);
            if (conflict != null) {
                String property = settings.fullName("jdbc." + conflict);
                throw new org.gogoscope.api.ConfigurationException(property, "The " + conflict + " is set twice, "
                        + "with different values: in " + settings.fullName("jdbc.url") + " and in " + property
                        + "; set it in one place (preferably " + property + ": drivers may log URLs)");
            }
        }
        return new SqlSettings(backend, url, user, password, poolSize, jndi, null,
                settings.getBoolean("create-schema", true), timeout, purgeInterval, purgeBatch);
    }
}
