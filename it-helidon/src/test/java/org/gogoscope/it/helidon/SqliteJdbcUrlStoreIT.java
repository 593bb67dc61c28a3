package org.gogoscope.it.helidon;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The contract on backend {@code sqlite} on the library's own pool ({@code jdbc.url}, HikariCP opened by the store,
 * file target/sqlite/helidon-url.db): a store needs no Helidon DataSource at all.
 */
@HelidonTest
class SqliteJdbcUrlStoreIT extends HelidonStoreContract {

    @AddConfigSource
    static ConfigSource config() {
        return Stores.config("sqlite-url", """
                gogoscope.store.default.backend=sqlite
                gogoscope.store.default.jdbc.url=%s
                """.formatted(Stores.sqliteUrl("helidon-url.db")));
    }

    @Override
    protected String expectedBackend() {
        return "sqlite";
    }
}
