package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Passwords and URIs with credentials never appear in exception messages (with all their causes), stack
 * traces, {@code toString()} or logs, even at DEBUG/FINEST (also a password inside a {@code jdbc.url} query
 * string, which the PostgreSQL driver would log at FINE): {@link SecretsProbeMain} runs the failing
 * configurations in a child JVM with every logger fully open, and this test searches everything it wrote.
 * Each case must fail the expected way (BackendException for unreachable servers and refused credentials,
 * ConfigurationException for malformed settings), so the search covers real failure paths.
 */
class SecretsTest {

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("postgresql-refused", "org.gogoscope.api.BackendException: GOGO-0301: postgresql connect failed"),
            Map.entry("postgresql-url-password", "org.gogoscope.api.BackendException: "
                    + "GOGO-0301: postgresql connect failed"),
            Map.entry("postgresql-bad-pool-size", "org.gogoscope.api.ConfigurationException: GOGO-0102: Invalid "
                    + "gogoscope.store.vault.jdbc.pool-size"),
            Map.entry("mariadb-wrong-password", "org.gogoscope.api.BackendException: "
                    + "GOGO-0301: mariadb connect failed"),
            Map.entry("mysql-driver-wrong-password", "org.gogoscope.api.BackendException: "
                    + "GOGO-0301: mysql connect failed"),
            Map.entry("mariadb-url-password", "org.gogoscope.api.BackendException: GOGO-0301: mariadb connect failed"),
            Map.entry("postgresql-url-sslpassword", "org.gogoscope.api.BackendException: "
                    + "GOGO-0301: postgresql connect failed"),
            Map.entry("mysql-driver-url-truststore-password", "org.gogoscope.api.BackendException: "
                    + "GOGO-0301: mysql connect failed"),
            Map.entry("mariadb-url-keystore-passwords", "org.gogoscope.api.BackendException: "
                    + "GOGO-0301: mariadb connect failed"),
            Map.entry("redis-uri-credentials-refused", "org.gogoscope.api.BackendException: "
                    + "GOGO-0301: redis connect failed"),
            Map.entry("redis-password-rejected", "org.gogoscope.api.BackendException: GOGO-0301: redis connect failed"),
            Map.entry("redis-malformed-uri", "org.gogoscope.api.ConfigurationException: GOGO-0102: Invalid "
                    + "gogoscope.store.vault.redis.uri"),
            Map.entry("redis-tls-wrong-store-password", "org.gogoscope.api.ConfigurationException: GOGO-0102: "
                    + "Invalid gogoscope.store.vault.redis.tls.trust-store"),
            Map.entry("redis-tls-to-plaintext", "org.gogoscope.api.BackendException: GOGO-0301: redis connect "
                    + "failed: TLS handshake failed"),
            Map.entry("mongodb-uri-credentials-refused", "org.gogoscope.api.BackendException: "
                    + "GOGO-0301: mongodb connect failed"),
            Map.entry("mongodb-malformed-uri", "org.gogoscope.api.ConfigurationException: GOGO-0102: Invalid "
                    + "gogoscope.store.vault.mongodb.uri"),
            Map.entry("mongodb-bad-timeout", "org.gogoscope.api.ConfigurationException: GOGO-0102: Invalid "
                    + "gogoscope.store.vault.timeout"),
            Map.entry("mongodb-wrong-password", "org.gogoscope.api.BackendException: GOGO-0301: mongodb "),
            Map.entry("mongodb-tls-wrong-store-password", "org.gogoscope.api.ConfigurationException: GOGO-0102: "
                    + "Invalid gogoscope.store.vault.mongodb.tls.trust-store"),
            Map.entry("mongodb-tls-to-plaintext", "org.gogoscope.api.BackendException: GOGO-0301: mongodb connect "
                    + "failed: TLS handshake"));

    /** Passwords inside {@code jdbc.url} query strings, which drivers log with the URL unless moved out of it. */
    static final List<String> JDBC_URL_PASSWORDS = List.of("pw-S3cr3t-2", "pw-S3cr3t-7", "pw-S3cr3t-15",
            "pw-S3cr3t-16", "pw-S3cr3t-17", "pw-S3cr3t-18", "pw-S3cr3t-19");

    @Test
    void noSecretInMessagesTracesToStringOrDebugLogs() throws Exception {
        String mongo = InProcessMongo.uri().substring("mongodb://".length());
        try (ChildJvm probe = new ChildJvm(SecretsProbeMain.class, List.of(
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace", "-Dmongo.hostport=" + mongo))) {
            probe.awaitLine("END", 120_000);
            probe.awaitExit(30_000);
            List<String> out = new ArrayList<>(probe.drain());
            String stdout = String.join("\n", probeSeen(probe));
            String stderr = probe.stderr();
            assertThat(SecretsProbeMain.cases()).hasSize(EXPECTED.size());
            for (Map.Entry<String, String> expected : EXPECTED.entrySet()) {
                assertThat(stdout).as("outcome of %s", expected.getKey())
                        .contains("CASE " + expected.getKey() + " -> " + expected.getValue());
            }
            assertThat(stderr).as("debug logging happened").isNotBlank();
            assertThat(stdout).as("stdout: messages, traces, toString").doesNotContainIgnoringCase(
                    SecretsProbeMain.MARKER);
            String logs = stderr;
            assertThat(logs).as("stderr: DEBUG/FINEST logs").doesNotContainIgnoringCase(SecretsProbeMain.MARKER);
            System.out.printf("SECRETS cases=%d stdout=%d chars stderr(debug logs)=%d chars, no secret found%n",
                    EXPECTED.size(), stdout.length(), stderr.length());
            out.clear();
        }
    }

    private static List<String> probeSeen(ChildJvm probe) throws Exception {
        java.lang.reflect.Field seen = ChildJvm.class.getDeclaredField("seen");
        seen.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) seen.get(probe);
        return lines;
    }
}
