package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration mistakes against the real backends fail the boot naming the property and value, no secret. */
class BackendConfigurationErrorTest {

    static String bootFailure(Map<String, String> properties) {
        Throwable[] failure = new Throwable[1];
        long start = System.nanoTime();
        assertThatThrownBy(() -> {
            try (Boot boot = Boot.start(properties, AllProviders.class)) {
                // reaching this line means the configuration was accepted
            }
        }).satisfies(e -> failure[0] = e).hasMessageContaining("go-go-scope configuration has");
        assertThat((System.nanoTime() - start) / 1_000_000).as("failed within the configured timeout, ms")
                .isLessThan(15_000);
        return Boot.messages(failure[0]);
    }

    @Test
    void redisUnreachableHidesThePasswordInTheUri() {
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "redis",
                "gogoscope.store.default.redis.uri", "redis://:hunter2-pw@127.0.0.1:1",
                "gogoscope.store.default.timeout", "1s"));
        assertThat(message).contains("Store 'default' (gogoscope.store.default.backend='redis') is unreachable")
                .contains("gogoscope.store.default.redis.uri='redis://<hidden>@127.0.0.1:1'")
                .doesNotContain("hunter2-pw");
    }

    @Test
    void redisSeparatePasswordPropertyIsHidden() {
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "redis",
                "gogoscope.store.default.redis.uri", "redis://127.0.0.1:1",
                "gogoscope.store.default.redis.password", "hunter3-pw",
                "gogoscope.store.default.timeout", "1s"));
        assertThat(message).contains("gogoscope.store.default.redis.uri='redis://127.0.0.1:1'")
                .contains("gogoscope.store.default.redis.password=<hidden>")
                .doesNotContain("hunter3-pw");
    }

    @Test
    void redisTwoTopologiesAtOnce() {
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "redis",
                "gogoscope.store.default.redis.uri", "redis://127.0.0.1:6379",
                "gogoscope.store.default.redis.cluster-nodes", "127.0.0.1:7000"));
        assertThat(message).contains("gogoscope.store.default.redis.uri");
    }

    @Test
    void mongodbMissingUri() {
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "mongodb"));
        assertThat(message).contains("Missing required property gogoscope.store.default.mongodb.uri");
    }

    @Test
    void mongodbUnreachableHidesCredentials() {
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "mongodb",
                "gogoscope.store.default.mongodb.uri", "mongodb://app:m0ngo-pw@127.0.0.1:1/db",
                "gogoscope.store.default.timeout", "1s"));
        assertThat(message).contains("Store 'default' (gogoscope.store.default.backend='mongodb') is unreachable")
                .contains("gogoscope.store.default.mongodb.uri='mongodb://<hidden>@127.0.0.1:1/db'")
                .doesNotContain("m0ngo-pw");
    }
}
