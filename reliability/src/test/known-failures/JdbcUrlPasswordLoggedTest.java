package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * KNOWN FAILURE (SQL backends, through the PostgreSQL JDBC driver). With {@code jdbc.url} carrying the password
 * in its query string ({@code jdbc:postgresql://host/db?user=app&password=...}, a documented pgJDBC form), the
 * adapter hands the URL unchanged to HikariCP / DriverManager, and {@code org.postgresql.Driver} logs
 * {@code FINE: Connecting with URL: jdbc:postgresql://...&password=<the password>} on every attempt; asked about
 * any other JDBC URL (DriverManager asks every registered driver) it logs
 * {@code FINE: JDBC URL must start with "jdbc:postgresql:" but was: jdbc:mariadb://...password=<the password>}.
 * The library's own messages and toString() are clean, and {@code jdbc.password} is never logged. Expected:
 * the SQL backend moves user/password out of the URL into driver properties before connecting (or documents
 * that passwords must go in {@code jdbc.password}). Run {@link SecretsProbeMain} with JUL at FINEST to see it.
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
