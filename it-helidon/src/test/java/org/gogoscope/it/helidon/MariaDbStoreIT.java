package org.gogoscope.it.helidon;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The contract on backend {@code mariadb} through Helidon's HikariCP DataSource bean {@code @Named("gogomaria")}
 * (MariaDB Connector/J, 127.0.0.1:3306 database test), taken with {@code datasource-bean}.
 */
@HelidonTest
class MariaDbStoreIT extends HelidonStoreContract {

    @AddConfigSource
    static ConfigSource config() {
        return Stores.config("mariadb", """
                javax.sql.DataSource.gogomaria.jdbcUrl=%s
                javax.sql.DataSource.gogomaria.username=root
                javax.sql.DataSource.gogomaria.maximumPoolSize=10
                gogoscope.store.default.backend=mariadb
                gogoscope.store.default.datasource-bean=gogomaria
                """.formatted(Stores.MARIADB_URL));
    }

    @Override
    protected String expectedBackend() {
        return "mariadb";
    }
}
