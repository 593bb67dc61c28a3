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

    /** The TLS parameters the jpa-entities README documents: their passwords are hidden in configuration messages. */
    @Test
    void hidesTlsKeyAndTrustStorePasswordsInJdbcUrls() {
        Redactor redactor = Redactor.of(Map.of(
                "jdbc.url", "jdbc:postgresql://db/app?sslmode=verify-full&sslrootcert=/ca.pem&sslpassword=pw5",
                "other.jdbc.url", "jdbc:mysql://db/app?sslMode=VERIFY_IDENTITY&trustCertificateKeyStorePassword=pw6"
                        + "&clientCertificateKeyStorePassword=pw7",
                "third.jdbc.url", "jdbc:mariadb://db/app?sslMode=verify-full&trustStorePassword=pw8"
                        + "&keyStorePassword=pw9&keyPassword=pwA"));
        assertThat(redactor.redact("pw5 pw6 pw7 pw8 pw9 pwA sslrootcert=/ca.pem"))
                .isEqualTo("<hidden> <hidden> <hidden> <hidden> <hidden> <hidden> sslrootcert=/ca.pem");
        assertThat(redactor.show("gogoscope.store.s.jdbc.url",
                "jdbc:postgresql://db/app?sslmode=verify-full&sslrootcert=/ca.pem&sslpassword=pw5"))
                .isEqualTo("gogoscope.store.s.jdbc.url='jdbc:postgresql://db/app?sslmode=verify-full"
                        + "&sslrootcert=/ca.pem&sslpassword=<hidden>'");
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
