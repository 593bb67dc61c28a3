package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void hidesSecretPropertiesUserInfoAndPasswordParameters() {
        Redactor redactor = Redactor.of(Map.of(
                "jdbc.password", "pw1",
                "redis.uri", "redis://alice:pw2@cache.example:6379/0",
                "jdbc.url", "jdbc:mysql://db.example/test?user=app&password=pw3&ssl=true"));
        String text = redactor.redact("failed: pw1 redis://alice:pw2@cache.example:6379 pw3 user=app");
        assertThat(text).doesNotContain("pw1", "pw2", "pw3").contains("cache.example:6379", "user=app");
        assertThat(redactor.show("gogoscope.store.s.jdbc.password", "pw1"))
                .isEqualTo("gogoscope.store.s.jdbc.password=<hidden>");
        assertThat(redactor.show("gogoscope.store.s.redis.uri", "redis://alice:pw2@cache.example:6379/0"))
                .isEqualTo("gogoscope.store.s.redis.uri='redis://<hidden>@cache.example:6379/0'");
    }

    @Test
    void aCauseChainIsCleanOnlyWithoutSecrets() {
        Redactor redactor = Redactor.of(Map.of("mongodb.uri", "mongodb://bob:pw4@h1,h2/db"));
        RuntimeException leaky = new RuntimeException("outer", new IllegalStateException("auth pw4 rejected"));
        RuntimeException clean = new RuntimeException("outer", new IllegalStateException("timed out"));
        assertThat(redactor.isClean(leaky)).isFalse();
        assertThat(redactor.isClean(clean)).isTrue();
    }

    @Test
    void nothingToHideLeavesTextAlone() {
        Redactor redactor = Redactor.of(Map.of("backend", "memory", "key-prefix", "a:"));
        assertThat(redactor.redact("memory connect failed: a:b")).isEqualTo("memory connect failed: a:b");
    }
}
