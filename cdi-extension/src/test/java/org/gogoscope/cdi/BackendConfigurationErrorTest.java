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
        assertThat(message).contains("Store 'default' (gogoscope.store.default.backend='redis') could not connect")
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
        assertThat(message).contains("Store 'default' (gogoscope.store.default.backend='mongodb') could not connect")
                .contains("gogoscope.store.default.mongodb.uri='mongodb://<hidden>@127.0.0.1:1/db'")
                .doesNotContain("m0ngo-pw");
    }

    @Test
    void postgresqlUnreachableNamesTheUrlAndHidesAPasswordInIt() {
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "postgresql",
                "gogoscope.store.default.jdbc.url", "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=pg-pw1",
                "gogoscope.store.default.timeout", "1s"));
        assertThat(message).contains("Store 'default' (gogoscope.store.default.backend='postgresql') could not connect")
                .contains("gogoscope.store.default.jdbc.url='jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=<hidden>'")
                .doesNotContain("pg-pw1");
    }

    @Test
    void mariadbWrongPasswordIsHidden() {
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "mariadb",
                "gogoscope.store.default.jdbc.url", "jdbc:mariadb://127.0.0.1:3306/test",
                "gogoscope.store.default.jdbc.user", "gogoscope_no_such_user",
                "gogoscope.store.default.jdbc.password", "maria-pw2",
                "gogoscope.store.default.timeout", "2s"));
        assertThat(message).contains("Store 'default' (gogoscope.store.default.backend='mariadb') could not connect")
                .contains("gogoscope.store.default.jdbc.user='gogoscope_no_such_user'")
                .contains("gogoscope.store.default.jdbc.password=<hidden>")
                .doesNotContain("maria-pw2");
    }

    @Test
    void missingJndiDataSourceNamesThePropertyAndTheName() {
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "postgresql",
                "gogoscope.store.default.datasource", "java:comp/env/jdbc/Missing"));
        assertThat(message).contains("Store 'default' (gogoscope.store.default.backend='postgresql') could not connect")
                .contains("java:comp/env/jdbc/Missing")
                .contains("gogoscope.store.default.datasource='java:comp/env/jdbc/Missing'");
    }

    @Test
    void sqlBackendWithoutUrlOrDataSource() {
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "mysql"));
        assertThat(message).contains("Missing required property gogoscope.store.default.jdbc.url");
    }

    @Test
    void sqlPoolSizeMustBePositive() {
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "postgresql",
                "gogoscope.store.default.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test",
                "gogoscope.store.default.jdbc.pool-size", "0"));
        assertThat(message).contains("Invalid gogoscope.store.default.jdbc.pool-size").contains("'0'");
    }
}
