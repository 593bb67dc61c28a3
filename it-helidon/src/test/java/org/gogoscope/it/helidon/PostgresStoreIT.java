package org.gogoscope.it.helidon;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The contract on backend {@code postgresql} through Helidon's HikariCP DataSource bean {@code @Named("gogopg")}
 * ({@code javax.sql.DataSource.gogopg.*}; PostgreSQL 127.0.0.1:5432 database test), which the store takes with
 * {@code datasource-bean}: Helidon has no JNDI.
 */
@HelidonTest
class PostgresStoreIT extends HelidonStoreContract {

    @AddConfigSource
    static ConfigSource config() {
        return Stores.config("postgresql", """
                javax.sql.DataSource.gogopg.jdbcUrl=%s
                javax.sql.DataSource.gogopg.username=postgres
                javax.sql.DataSource.gogopg.maximumPoolSize=10
                gogoscope.store.default.backend=postgresql
                gogoscope.store.default.datasource-bean=gogopg
                """.formatted(Stores.POSTGRES_URL));
    }

    @Override
    protected String expectedBackend() {
        return "postgresql";
    }
}
