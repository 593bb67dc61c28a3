package org.gogoscope.it.helidon;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The contract on backend {@code sqlite} through Helidon's HikariCP DataSource bean {@code @Named("gogolite")}
 * (file target/sqlite/helidon-bean.db, WAL, a 10 s busy timeout), taken with {@code datasource-bean}.
 */
@HelidonTest
class SqliteStoreIT extends HelidonStoreContract {

    @AddConfigSource
    static ConfigSource config() {
        return Stores.config("sqlite", """
                javax.sql.DataSource.gogolite.jdbcUrl=%s?journal_mode=WAL&busy_timeout=10000
                javax.sql.DataSource.gogolite.maximumPoolSize=4
                gogoscope.store.default.backend=sqlite
                gogoscope.store.default.datasource-bean=gogolite
                """.formatted(Stores.sqliteUrl("helidon-bean.db")));
    }

    @Override
    protected String expectedBackend() {
        return "sqlite";
    }
}
