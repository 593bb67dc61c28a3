package org.gogoscope.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.spi.AdapterFactory;
import org.gogoscope.core.spi.AdapterSettings;
import org.junit.jupiter.api.Test;

/** The SQL backends as configuration layers see them: found by ServiceLoader, configured by properties. */
class SqlAdapterFactoryTest {

    private final Map<String, String> properties = new HashMap<>();

    private AdapterSettings store(String name) {
        return AdapterSettings.forStore(name, key -> Optional.ofNullable(properties.get(key)));
    }

    private static AdapterFactory factoryFor(String backend) {
        return ServiceLoader.load(AdapterFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.backends().contains(backend)).findFirst().orElseThrow();
    }

    @Test
    void serviceLoaderFindsTheFourBackends() {
        for (String backend : new String[] {"postgresql", "mysql", "mariadb", "sqlite"}) {
            assertThat(factoryFor(backend)).isInstanceOf(SqlAdapterFactory.class);
        }
    }

    @Test
    void aConfiguredPostgresStoreConnectsAndWorks() {
        SqlSettings test = TestDatabases.postgresql();
        properties.put("gogoscope.store.orders.jdbc.url", test.jdbcUrl());
        properties.put("gogoscope.store.orders.jdbc.user", test.user());
        properties.put("gogoscope.store.orders.jdbc.pool-size", "3");
        properties.put("gogoscope.store.orders.timeout", "2s");
        properties.put("gogoscope.store.orders.key-prefix", "factory-" + System.nanoTime() + ":");
        PersistenceAdapter adapter = factoryFor("postgresql").create("postgresql", store("orders"));
        SqlSettings settings = ((SqlAdapter) adapter).settings();
        assertThat(settings.poolSize()).isEqualTo(3);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.createSchema()).isTrue();
        adapter.connect();
        try {
            assertThat(adapter.backend()).isEqualTo("postgresql");
            assertThat(adapter.locks().acquire("k", Duration.ofSeconds(5))).isPresent();
        } finally {
            adapter.disconnect();
        }
    }

    @Test
    void sqliteDefaultsToAFileNamedAfterTheStore() {
        SqlSettings settings = SqlAdapterFactory.settings("sqlite", store("reports"));
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:sqlite:gogoscope-reports.db");
        assertThat(settings.dialect()).isEqualTo(Dialect.SQLITE);
    }

    @Test
    void jndiNameSelectsAContainerDataSource() {
        properties.put("gogoscope.store.default.datasource", "java:jboss/datasources/App");
        properties.put("gogoscope.store.default.create-schema", "false");
        SqlSettings settings = SqlAdapterFactory.settings("mariadb", store("default"));
        assertThat(settings.jndiName()).isEqualTo("java:jboss/datasources/App");
        assertThat(settings.jdbcUrl()).isNull();
        assertThat(settings.createSchema()).isFalse();
    }

    @Test
    void configurationErrorsNameTheFullPropertyAndHideSecrets() {
        assertThatThrownBy(() -> SqlAdapterFactory.settings("postgresql", store("orders")))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.property()).isEqualTo("gogoscope.store.orders.jdbc.url"));

        properties.put("gogoscope.store.orders.jdbc.url", "postgres://app:s3cret@db/app");
        assertThatThrownBy(() -> SqlAdapterFactory.settings("postgresql", store("orders")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gogoscope.store.orders.jdbc.url")
                .hasMessageNotContaining("s3cret");

        properties.put("gogoscope.store.orders.jdbc.url", "jdbc:postgresql://db/app");
        properties.put("gogoscope.store.orders.jdbc.pool-size", "0");
        assertThatThrownBy(() -> SqlAdapterFactory.settings("postgresql", store("orders")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gogoscope.store.orders.jdbc.pool-size");

        properties.put("gogoscope.store.orders.jdbc.pool-size", "2");
        properties.put("gogoscope.store.orders.timeout", "soon");
        assertThatThrownBy(() -> SqlAdapterFactory.settings("postgresql", store("orders")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gogoscope.store.orders.timeout");

        properties.remove("gogoscope.store.orders.timeout");
        properties.put("gogoscope.store.orders.datasource", "java:comp/env/jdbc/App");
        assertThatThrownBy(() -> SqlAdapterFactory.settings("postgresql", store("orders")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gogoscope.store.orders.datasource")
                .hasMessageContaining("not both");
    }

    @Test
    void theUrlMustMatchTheBackend() {
        SqlSettings test = TestDatabases.postgresql();
        PersistenceAdapter adapter = new SqlAdapter(new SqlSettings("mariadb", test.jdbcUrl(), test.user(),
                test.password(), 1, null, null, true, Duration.ofSeconds(2), Duration.ofMinutes(1), 10), "");
        assertThatThrownBy(adapter::connect).isInstanceOf(org.gogoscope.api.BackendException.class)
                .hasMessageContaining("mariadb connect failed").hasMessageContaining("PostgreSQL");
        assertThat(adapter.isConnected()).isFalse();
    }

    /** A runtime without JNDI hands its DataSource beans over; the store uses the one it names and never closes it. */
    @Test
    void aStoreRunsOnTheRuntimesDataSourceBeanItNames() {
        org.sqlite.SQLiteDataSource file = new org.sqlite.SQLiteDataSource();
        file.setUrl("jdbc:sqlite:target/sqlite/datasource-bean-" + java.util.UUID.randomUUID() + ".db");
        AdapterSettings.RuntimeBeans beans = new AdapterSettings.RuntimeBeans() {
            @Override
            public <T> Optional<T> find(Class<T> type, String name) {
                return type == javax.sql.DataSource.class && name.equals("reports") ? Optional.of(type.cast(file))
                        : Optional.empty();
            }
        };
        properties.put("gogoscope.store.orders.datasource-bean", "reports");
        SqlSettings settings = SqlAdapterFactory.settings("sqlite", store("orders").withBeans(beans));
        assertThat(settings.dataSource()).isSameAs(file);
        assertThat(settings.jdbcUrl()).isNull();
        java.io.File dir = new java.io.File("target/sqlite");
        dir.mkdirs();
        PersistenceAdapter adapter = factoryFor("sqlite").create("sqlite", store("orders").withBeans(beans));
        adapter.connect();
        try {
            assertThat(adapter.locks().acquire("job", Duration.ofSeconds(5))).isPresent();
        } finally {
            adapter.disconnect();
        }

        properties.put("gogoscope.store.orders.datasource-bean", "billing");
        assertThatThrownBy(() -> SqlAdapterFactory.settings("sqlite", store("orders").withBeans(beans)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.orders.datasource-bean").hasMessageContaining("named 'billing'");
        properties.put("gogoscope.store.orders.jdbc.url", "jdbc:sqlite:x.db");
        assertThatThrownBy(() -> SqlAdapterFactory.settings("sqlite", store("orders").withBeans(beans)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gogoscope.store.orders.datasource-bean")
                .hasMessageContaining("gogoscope.store.orders.jdbc.url").hasMessageContaining("not both");
    }
}
