package org.gogoscope.it.helidon;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The contract on backend {@code redis} (Redis 127.0.0.1:6379, Jedis). Redis has no transactions to join, so the
 * rollback test shows that nothing in the library depends on one.
 */
@HelidonTest
class RedisStoreIT extends HelidonStoreContract {

    @AddConfigSource
    static ConfigSource config() {
        return Stores.config("redis", """
                gogoscope.store.default.backend=redis
                gogoscope.store.default.redis.uri=redis://127.0.0.1:6379
                """);
    }

    @Override
    protected String expectedBackend() {
        return "redis";
    }
}
