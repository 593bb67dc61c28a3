package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A password in {@code jdbc.url}'s query string ({@code jdbc:postgresql://host/db?user=app&password=...}, a documented
 * pgJDBC form) never reaches the logs. It used to: the adapter handed the URL unchanged to HikariCP and
 * DriverManager, and {@code org.postgresql.Driver} logged {@code Connecting with URL: ...&password=<it>} at FINE
 * (and, asked about a MariaDB URL by DriverManager, {@code JDBC URL must start with ...} with the whole URL). Now
 * the SQL backend moves user and password out of the URL into driver properties ({@code UrlCredentials}).
 * {@link SecretsProbeMain} runs with every logger at its most detailed level.
 */
class JdbcUrlPasswordLoggedTest {

    @Test
    void passwordsInJdbcUrlsDoNotReachTheLogs() throws Exception {
        try (ChildJvm probe = new ChildJvm(SecretsProbeMain.class, List.of(
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace"))) {
            probe.awaitLine("END", 120_000);
            probe.awaitExit(30_000);
            for (String password : SecretsTest.JDBC_URL_PASSWORDS) {
                assertThat(probe.stderr()).as("FINE logs").doesNotContain(password);
            }
        }
    }
}
