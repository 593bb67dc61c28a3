package org.gogoscope.jpa;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.MessageCode;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.spi.AdapterFactory;
import org.gogoscope.core.spi.AdapterSettings;

/**
 * The SQL backends from configuration: every backend name of a {@link Dialect} ({@code postgresql}, {@code mysql},
 * {@code mariadb}, {@code sqlite}, ...), with the {@link SqlProperties}, relative to {@code gogoscope.store.<name>.}.
 * A dialect with an embedded default (SQLite) needs neither {@code datasource} nor {@code jdbc.url}.
 */
public final class SqlAdapterFactory implements AdapterFactory {

    @Override
    public Set<String> backends() {
        return Dialect.backendNames();
    }

    @Override
    public PersistenceAdapter create(String backend, AdapterSettings settings) {
        SqlSettings sql = settings(backend, settings);
        return new SqlAdapter(sql, settings.keyPrefix(), SqlProperties.CHECKPOINTS_PREFIXED.read(settings),
                sql.dataSource() != null ? JtaSuspender.forBeans(settings) : null);
    }

    /** The {@link SqlSettings} of one store: every property read once, through {@link SqlProperties}. */
    public static SqlSettings settings(String backend, AdapterSettings settings) {
        String jndi = SqlProperties.DATASOURCE.get(settings).orElse(null);
        String bean = SqlProperties.DATASOURCE_BEAN.get(settings).orElse(null);
        String url = SqlProperties.JDBC_URL.get(settings).orElse(null);
        exclusive(settings, Map.of(SqlProperties.DATASOURCE.name(), Optional.ofNullable(jndi),
                SqlProperties.DATASOURCE_BEAN.name(), Optional.ofNullable(bean),
                SqlProperties.JDBC_URL.name(), Optional.ofNullable(url)));
        DataSource dataSource = bean == null ? null : settings.bean(DataSource.class, bean).orElseThrow(() ->
                new ConfigurationException(MessageCode.DATASOURCE_BEAN_NOT_FOUND,
                        settings.fullName(SqlProperties.DATASOURCE_BEAN.name()), "No CDI bean of type "
                        + "javax.sql.DataSource " + (AdapterSettings.DEFAULT_STORE.equals(bean) ? "without qualifier"
                                : "named '" + bean + "'") + " for " + settings.fullName(
                                        SqlProperties.DATASOURCE_BEAN.name()) + " (the runtime's DataSource beans: "
                        + "Quarkus' quarkus.datasource.*, Helidon's javax.sql.DataSource.<name>.*)"));
        if (jndi == null && url == null && dataSource == null) {
            url = Dialect.ofBackend(backend).sql().defaultJdbcUrl(settings.storeName())
                    .orElseGet(() -> SqlProperties.JDBC_URL.require(settings));
        }
        int poolSize = SqlProperties.POOL_SIZE.read(settings);
        Duration timeout = SqlProperties.TIMEOUT.read(settings);
        Duration purgeInterval = SqlProperties.PURGE_INTERVAL.read(settings);
        int purgeBatch = SqlProperties.PURGE_BATCH.read(settings);
        boolean createSchema = SqlProperties.CREATE_SCHEMA.read(settings);
        String user = SqlProperties.JDBC_USER.get(settings).orElse(null);
        String password = SqlProperties.JDBC_PASSWORD.get(settings).orElse(null);
        if (url != null) {
            checkCredentials(settings, url, user, password);
            checkPool(settings);
        }
        return new SqlSettings(backend, url, user, password, poolSize, jndi, dataSource, createSchema, timeout,
                purgeInterval, purgeBatch);
    }

    /** At most one of {@code sources} (relative name to value) may be set. */
    private static void exclusive(AdapterSettings settings, Map<String, Optional<String>> sources) {
        List<String> set = sources.entrySet().stream().filter(e -> e.getValue().isPresent())
                .map(e -> settings.fullName(e.getKey())).sorted().toList();
        if (set.size() > 1) {
            throw new ConfigurationException(MessageCode.CONFLICTING_PROPERTIES, set.get(0),
                    "Set either " + String.join(" or ", set) + (set.size() == 2 ? ", not both" : ", only one")
                            + ": each says where the store's connections come from");
        }
    }

    /** A store on a JDBC URL runs the adapter's own pool, HikariCP, an optional dependency the application adds. */
    private static void checkPool(AdapterSettings settings) {
        if (!OwnedPool.available()) {
            String urlProperty = settings.fullName(SqlProperties.JDBC_URL.name());
            throw new ConfigurationException(MessageCode.POOL_NOT_ON_CLASS_PATH, urlProperty, urlProperty
                    + " makes the store open its own connection pool, and HikariCP is not on the class path: add"
                    + " com.zaxxer:HikariCP to the application, or name a server DataSource with "
                    + settings.fullName(SqlProperties.DATASOURCE.name()) + " instead");
        }
    }

    /** Credentials in the URL's query string must not contradict {@code jdbc.user} / {@code jdbc.password}. */
    private static void checkCredentials(AdapterSettings settings, String url, String user, String password) {
        String urlProperty = settings.fullName(SqlProperties.JDBC_URL.name());
        UrlCredentials inUrl;
        try {
            inUrl = UrlCredentials.split(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(MessageCode.INVALID_VALUE, urlProperty, urlProperty + ": " + e.getMessage());
        }
        String conflict = inUrl.conflictWith(user, password).orElse(null);
        if (conflict != null) {
            String property = settings.fullName("jdbc." + conflict);
            throw new ConfigurationException(MessageCode.CONFLICTING_PROPERTIES, property, "The " + conflict
                    + " is set twice, with different values: in " + urlProperty + " and in " + property
                    + "; set it in one place (preferably " + property + ": drivers may log URLs)");
        }
    }
}
