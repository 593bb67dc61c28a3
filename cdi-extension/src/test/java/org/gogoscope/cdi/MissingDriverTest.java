package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gogoscope.testsupport.IsolatedClassPath;
import org.junit.jupiter.api.Test;

/** A backend whose driver the application forgot to package fails the boot with a message, not a stack of errors. */
class MissingDriverTest {

    @Test
    void postgresqlWithoutItsJdbcDriver() throws Exception {
        String message = (String) IsolatedClassPath.run("/org/postgresql/postgresql/", MissingDriverTest.class,
                "bootPostgresql");
        assertThat(message).contains("go-go-scope configuration has 1 problem")
                .contains("Store 'default' (gogoscope.store.default.backend='postgresql')")
                .contains("gogoscope.store.default.jdbc.url='jdbc:postgresql://127.0.0.1:5432/test'")
                .contains("no JDBC driver on the class path accepts the postgresql URL of 127.0.0.1:5432: add the"
                        + " postgresql JDBC driver to the application");
    }

    @Test
    void redisWithoutItsClientLibrary() throws Exception {
        String message = (String) IsolatedClassPath.run("/redis/clients/jedis/", MissingDriverTest.class, "bootRedis");
        assertThat(message).contains("go-go-scope configuration has 1 problem")
                .contains("Store 'default' (gogoscope.store.default.backend='redis') cannot be used: a class it needs is missing")
                .contains("put the backend's driver or client library on the class path");
    }

    static String bootPostgresql() {
        return failure(Map.of("gogoscope.store.default.backend", "postgresql",
                "gogoscope.store.default.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test",
                "gogoscope.store.default.jdbc.user", "postgres", "gogoscope.store.default.timeout", "1s"));
    }

    static String bootRedis() {
        return failure(Map.of("gogoscope.store.default.backend", "redis",
                "gogoscope.store.default.redis.uri", "redis://127.0.0.1:6379"));
    }

    private static String failure(Map<String, String> properties) {
        try (Boot boot = Boot.start(properties, AllProviders.class)) {
            return "booted";
        } catch (RuntimeException e) {
            return Boot.messages(e);
        }
    }
}
