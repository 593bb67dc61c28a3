package org.gogoscope.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.LockHandle;
import org.gogoscope.core.spi.AdapterSettings;
import org.gogoscope.testsupport.IsolatedClassPath;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

/**
 * HikariCP is optional: an application on a server DataSource does not package it. Without it, a store on a
 * DataSource works, and a store on {@code jdbc.url} is refused at configuration, naming the property and the fix.
 */
class WithoutHikariCpTest {

    private static final String HIKARI_JARS = "/com/zaxxer/HikariCP/";

    @Test
    void aStoreOnADataSourceNeedsNoPool() throws Exception {
        assertThat(IsolatedClassPath.run(HIKARI_JARS, WithoutHikariCpTest.class, "lockOnADataSource"))
                .isEqualTo("granted, pool loaded: false");
    }

    @Test
    void aStoreOnAJdbcUrlNamesTheMissingPool() throws Exception {
        assertThat((String) IsolatedClassPath.run(HIKARI_JARS, WithoutHikariCpTest.class, "configureJdbcUrl"))
                .startsWith("GOGO-0110: gogoscope.store.orders.jdbc.url makes the store open its own connection pool")
                .contains("add com.zaxxer:HikariCP")
                .contains("gogoscope.store.orders.datasource")
                .endsWith("property gogoscope.store.orders.jdbc.url");
    }

    static String lockOnADataSource() throws Exception {
        Path file = Files.createTempFile("gogoscope-no-pool", ".db");
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        try (SqlAdapter adapter = new SqlAdapter(SqlSettings.dataSource("sqlite", dataSource), "no-pool:")) {
            adapter.connect();
            Optional<LockHandle> lock = adapter.locks().acquire("job", Duration.ofSeconds(5));
            try (LockHandle held = lock.orElseThrow()) {
                return (held.fencingToken() > 0 ? "granted" : "no token") + ", pool loaded: " + poolLoaded();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static String configureJdbcUrl() {
        Map<String, String> properties = Map.of("gogoscope.store.orders.jdbc.url", "jdbc:sqlite:orders.db");
        try {
            SqlAdapterFactory.settings("sqlite", AdapterSettings.forStore("orders",
                    name -> Optional.ofNullable(properties.get(name))));
            return "accepted";
        } catch (ConfigurationException e) {
            return e.getMessage() + ", property " + e.property();
        }
    }

    private static boolean poolLoaded() {
        try {
            Class.forName("com.zaxxer.hikari.HikariDataSource", false, WithoutHikariCpTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
