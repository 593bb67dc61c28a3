package org.gogoscope.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.core.spi.AdapterSettings;
import org.junit.jupiter.api.Test;

/**
 * A user and password in a JDBC URL's query string are taken out of the URL the driver sees (pgJDBC logs it) and
 * passed as connection properties, decoded as the URL's own driver decodes them.
 */
class UrlCredentialsTest {

    @Test
    void postgresqlAndMysqlUrlsAreDecodedAndTheOtherParametersKept() {
        UrlCredentials pg = UrlCredentials.split(
                "jdbc:postgresql://h:5432/db?ssl=false&user=app&password=p%41+x%2By&tcpKeepAlive=true");
        assertThat(pg.url()).isEqualTo("jdbc:postgresql://h:5432/db?ssl=false&tcpKeepAlive=true");
        assertThat(pg.user()).isEqualTo("app");
        assertThat(pg.password()).isEqualTo("pA x+y");

        UrlCredentials mysql = UrlCredentials.split("jdbc:mysql://h/db?password=p%41+x");
        assertThat(mysql.url()).isEqualTo("jdbc:mysql://h/db");
        assertThat(mysql.user()).isNull();
        assertThat(mysql.password()).isEqualTo("pA x");
    }

    @Test
    void mariadbUrlsAreTakenAsWrittenAndTheLastValueCounts() {
        UrlCredentials mariadb = UrlCredentials.split("jdbc:mariadb://h/db?password=a&user=u&password=p%41+x");
        assertThat(mariadb.url()).isEqualTo("jdbc:mariadb://h/db");
        assertThat(mariadb.user()).isEqualTo("u");
        assertThat(mariadb.password()).isEqualTo("p%41+x");
    }

    @Test
    void urlsWithoutCredentialsAndSqliteUrlsAreLeftAsTheyAre() {
        for (String url : new String[] {"jdbc:postgresql://h/db", "jdbc:postgresql://h/db?ssl=true",
                "jdbc:sqlite:file.db?password=x", "jdbc:mariadb://h/db?userx=1&passwords=2"}) {
            UrlCredentials split = UrlCredentials.split(url);
            assertThat(split.url()).isEqualTo(url);
            assertThat(split.user()).isNull();
            assertThat(split.password()).isNull();
        }
    }

    @Test
    void tlsKeyAndTrustStorePasswordsAreTakenOutOfTheUrlTheDriverSees() {
        UrlCredentials.WithoutSecrets pg = UrlCredentials.withoutSecrets(
                "jdbc:postgresql://h/db?sslmode=verify-full&sslpassword=k%41y&sslrootcert=/etc/ca.pem");
        assertThat(pg.url()).isEqualTo("jdbc:postgresql://h/db?sslmode=verify-full&sslrootcert=/etc/ca.pem");
        assertThat(pg.secrets()).containsExactly(Map.entry("sslpassword", "kAy"));
        assertThat(pg.toString()).doesNotContain("kAy");

        UrlCredentials.WithoutSecrets mysql = UrlCredentials.withoutSecrets("jdbc:mysql://h/db?sslMode=VERIFY_IDENTITY"
                + "&trustCertificateKeyStoreUrl=file:/t.p12&trustCertificateKeyStorePassword=t%2B"
                + "&clientCertificateKeyStorePassword=c");
        assertThat(mysql.url()).isEqualTo("jdbc:mysql://h/db?sslMode=VERIFY_IDENTITY"
                + "&trustCertificateKeyStoreUrl=file:/t.p12");
        assertThat(mysql.secrets()).containsOnly(Map.entry("trustCertificateKeyStorePassword", "t+"),
                Map.entry("clientCertificateKeyStorePassword", "c"));

        UrlCredentials.WithoutSecrets mariadb = UrlCredentials.withoutSecrets(
                "jdbc:mariadb://h/db?trustStorePassword=a%41&sslMode=verify-full&keyStorePassword=b&keyPassword=c");
        assertThat(mariadb.url()).isEqualTo("jdbc:mariadb://h/db?sslMode=verify-full");
        assertThat(mariadb.secrets()).containsOnly(Map.entry("trustStorePassword", "a%41"),
                Map.entry("keyStorePassword", "b"), Map.entry("keyPassword", "c"));

        for (String url : new String[] {"jdbc:postgresql://h/db?sslmode=require", "jdbc:sqlite:f.db?sslpassword=x"}) {
            assertThat(UrlCredentials.withoutSecrets(url).url()).isEqualTo(url);
            assertThat(UrlCredentials.withoutSecrets(url).secrets()).isEmpty();
        }
    }

    @Test
    void aMalformedEscapeIsAnErrorThatDoesNotQuoteTheValue() {
        assertThatThrownBy(() -> UrlCredentials.split("jdbc:postgresql://h/db?password=pw-S3cr3t%G1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password")
                .hasMessageNotContaining("S3cr3t");
    }

    @Test
    void settingsHoldTheUrlWithoutCredentialsAndNeverPrintThePassword() {
        SqlSettings settings = SqlSettings.jdbc("postgresql",
                "jdbc:postgresql://h/db?user=app&password=pw-S3cr3t", null, null);
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(settings.user()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("pw-S3cr3t");
        assertThat(settings.toString()).doesNotContain("S3cr3t");
        assertThat(SqlSettings.jdbc("postgresql", "jdbc:postgresql://h/db?password=same", null, "same").password())
                .isEqualTo("same");
        assertThatThrownBy(() -> SqlSettings.jdbc("postgresql", "jdbc:postgresql://h/db?password=a", null, "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password is given twice")
                .hasMessageNotContainingAny("=a", "b\"");
    }

    @Test
    void aPasswordSetTwiceDifferentlyIsAConfigurationErrorNamingTheProperty() {
        Map<String, String> properties = new HashMap<>(Map.of(
                "gogoscope.store.vault.jdbc.url", "jdbc:postgresql://h/db?password=pw-S3cr3t-a",
                "gogoscope.store.vault.jdbc.password", "pw-S3cr3t-b"));
        AdapterSettings settings = AdapterSettings.forStore("vault", key -> Optional.ofNullable(properties.get(key)));
        assertThatThrownBy(() -> SqlAdapterFactory.settings("postgresql", settings))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.property())
                        .isEqualTo("gogoscope.store.vault.jdbc.password"))
                .hasMessageContaining("gogoscope.store.vault.jdbc.url").hasMessageNotContaining("S3cr3t");
    }

    /**
     * Real authentication: a MariaDB user whose password needs escaping in a URL, reached through a URL that
     * carries it, with MariaDB Connector/J (as written) and with MySQL Connector/J (percent-encoded).
     */
    @Test
    void theCredentialsOfTheUrlAuthenticateWithEitherDriver() throws Exception {
        String password = "p%41+x";
        SqlSettings admin = TestDatabases.mariadb();
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP USER IF EXISTS 'gg_url_user'@'%', 'gg_url_user'@'localhost', "
                    + "'gg_url_user'@'127.0.0.1'");
            for (String host : new String[] {"%", "localhost", "127.0.0.1"}) {
                statement.execute("CREATE USER 'gg_url_user'@'" + host + "' IDENTIFIED BY '" + password + "'");
                statement.execute("GRANT ALL ON test.* TO 'gg_url_user'@'" + host + "'");
            }
        }
        assertConnects("mariadb", "jdbc:mariadb://127.0.0.1:3306/test?user=gg_url_user&password=p%41+x");
        assertConnects("mysql", "jdbc:mysql://127.0.0.1:3306/test?user=gg_url_user&password=p%2541%2Bx");
    }

    private static void assertConnects(String backend, String url) {
        SqlAdapter adapter = new SqlAdapter(SqlSettings.jdbc(backend, url, null, null)
                .withTimeout(Duration.ofSeconds(5)).withPoolSize(1), "url-credentials:");
        try {
            adapter.connect();
            assertThat(adapter.cache().get("absent", String.class)).isEmpty();
        } finally {
            adapter.disconnect();
        }
    }
}
