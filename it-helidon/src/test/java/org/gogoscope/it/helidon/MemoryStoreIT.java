package org.gogoscope.it.helidon;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The contract on the in-memory backend, configured explicitly; it proves the harness and the CDI extension on
 * Helidon.
 */
@HelidonTest
class MemoryStoreIT extends HelidonStoreContract {

    @AddConfigSource
    static ConfigSource config() {
        return Stores.config("memory", """
                gogoscope.store.default.backend=memory
                """);
    }

    @Override
    protected String expectedBackend() {
        return "memory";
    }
}
