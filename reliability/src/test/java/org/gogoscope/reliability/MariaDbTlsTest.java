package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.CacheContract;
import org.gogoscope.conformance.LockContract;
import org.gogoscope.jpa.SqlAdapter;
import org.gogoscope.jpa.SqlSettings;
import org.gogoscope.testsupport.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MariaDB over TLS with both drivers, as the jpa-entities README's "TLS" section configures them: a throwaway
 * server with {@code ssl_cert}, {@code ssl_key} and {@code require_secure_transport=ON}, a certificate for
 * 127.0.0.1 signed by the test's CA; MariaDB Connector/J with {@code sslMode=verify-full&serverSslCert=<CA PEM>},
 * MySQL Connector/J with {@code sslMode=VERIFY_IDENTITY&trustCertificateKeyStoreUrl=file:<PKCS12 with the CA>}.
 * The kit's lock and cache contracts pass over both; an untrusted certificate, a certificate for another host and
 * a plaintext client are refused at {@code connect()} with a {@code BackendException} that says so and holds no
 * secret (the trust store's password is in the MySQL URL).
 */
class MariaDbTlsTest {

    /** Stands for a client key store's password in the MariaDB Connector/J URL: never in a message. */
    private static final String KEY_STORE_PASSWORD = "key-S3cr3t-store";

    private static TestCertificates certificates;
    private static ThrowawayMariaDb server;

    @BeforeAll
    static void startTlsOnlyServer() throws Exception {
        certificates = TestCertificates.create();
        server = new ThrowawayMariaDb().tlsOnly(certificates.server, certificates.ca);
        server.start();
        try (Connection admin = DriverManager.getConnection(server.adminUrl("test"), "root", "")) {
            admin.createStatement().execute("CREATE USER '" + TestCertificates.CLIENT + "'@'%' REQUIRE SUBJECT '/CN="
                    + TestCertificates.CLIENT + "'");
            admin.createStatement().execute("GRANT ALL ON test.* TO '" + TestCertificates.CLIENT + "'@'%'");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (certificates != null) {
            certificates.close();
        }
    }

    private static SqlSettings settings(String backend, String parameters) {
        return SqlSettings.jdbc(backend, "jdbc:" + backend + "://127.0.0.1:" + server.port + "/test?" + parameters,
                "root", null).withTimeout(Duration.ofSeconds(5)).withPoolSize(4);
    }

    /** The documented configuration of {@code driver} ({@code mariadb} or {@code mysql}), trusting our CA or not. */
    static SqlSettings verified(String driver, boolean trustTheServersCa) {
        if (driver.equals("mariadb")) {
            return settings("mariadb", "sslMode=verify-full&serverSslCert="
                    + (trustTheServersCa ? certificates.ca : certificates.otherCa)
                    + "&keyStorePassword=" + KEY_STORE_PASSWORD);
        }
        return settings("mysql", "sslMode=VERIFY_IDENTITY&trustCertificateKeyStoreType=PKCS12"
                + "&trustCertificateKeyStoreUrl=file:"
                + (trustTheServersCa ? certificates.trustStore : certificates.otherCaTrustStore)
                + "&trustCertificateKeyStorePassword=" + TestCertificates.TRUST_PASSWORD);
    }

    static BackendFixture overTls(String driver) {
        return prefix -> new SqlAdapter(verified(driver, true), prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "mysql"})
    void everySessionOfTheAdapterIsEncrypted(String driver) throws Exception {
        PersistenceAdapter adapter = overTls(driver).newAdapter("tls-sessions-" + driver + ":");
        adapter.connect();
        try {
            assertThat(adapter.locks().acquire("k", Duration.ofSeconds(5))).isPresent();
            // require_secure_transport=ON: a session exists only if it is encrypted; still, ask the server
            try (Connection admin = DriverManager.getConnection(server.adminUrl("test"), "root", "");
                    ResultSet rs = admin.createStatement().executeQuery("SHOW GLOBAL STATUS LIKE 'Ssl_accepts'")) {
                rs.next();
                assertThat(rs.getLong(2)).as("TLS handshakes").isPositive();
            }
        } finally {
            adapter.disconnect();
        }
    }

    /** A user created {@code REQUIRE SUBJECT '/CN=...'} logs in only with its client certificate (PKCS12). */
    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "mysql"})
    void aUserThatMustShowAClientCertificateConnectsWithOne(String driver) throws Exception {
        String keyStore = driver.equals("mariadb")
                ? "&keyStoreType=PKCS12&keyStore=" + certificates.keyStore + "&keyStorePassword="
                : "&clientCertificateKeyStoreType=PKCS12&clientCertificateKeyStoreUrl=file:"
                        + certificates.keyStore + "&clientCertificateKeyStorePassword=";
        SqlSettings trusting = verified(driver, true);
        String url = trusting.jdbcUrl().replace("&keyStorePassword=" + KEY_STORE_PASSWORD, "");
        PersistenceAdapter adapter = new SqlAdapter(SqlSettings.jdbc(driver, url + keyStore
                + TestCertificates.KEY_PASSWORD, TestCertificates.CLIENT, null).withPoolSize(2),
                "tls-client-" + driver + ":");
        adapter.connect();
        try {
            assertThat(adapter.locks().acquire("k", Duration.ofSeconds(5))).isPresent();
        } finally {
            adapter.disconnect();
        }
        TlsFailures.refused(new SqlAdapter(SqlSettings.jdbc(driver, url, TestCertificates.CLIENT, null),
                "tls-client:"), "denied", TestCertificates.TRUST_PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "mysql"})
    void aCertificateNotSignedByTheTrustedCaIsRefused(String driver) {
        TlsFailures.refused(new SqlAdapter(verified(driver, false), "tls-untrusted:"), "TLS|SSL",
                KEY_STORE_PASSWORD, TestCertificates.TRUST_PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "mysql"})
    void aCertificateForAnotherHostIsRefused(String driver) throws Exception {
        server.serve(certificates.wrongHost);
        try {
            TlsFailures.refused(new SqlAdapter(verified(driver, true), "tls-wrong-host:"),
                    "(TLS|SSL).*host|host.*(TLS|SSL)", KEY_STORE_PASSWORD, TestCertificates.TRUST_PASSWORD);
        } finally {
            server.serve(certificates.server);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "mysql"})
    void aPlaintextClientIsRefused(String driver) {
        TlsFailures.refused(new SqlAdapter(settings(driver, driver.equals("mysql") ? "sslMode=DISABLED"
                : "sslMode=disable"), "tls-plain:"), "TLS|SSL|secure transport");
    }

    @Nested
    class MariaDbDriverLocks extends LockContract {
        @Override
        protected BackendFixture fixture() {
            return overTls("mariadb");
        }
    }

    @Nested
    class MariaDbDriverCache extends CacheContract {
        @Override
        protected BackendFixture fixture() {
            return overTls("mariadb");
        }
    }

    @Nested
    class MySqlDriverLocks extends LockContract {
        @Override
        protected BackendFixture fixture() {
            return overTls("mysql");
        }
    }

    @Nested
    class MySqlDriverCache extends CacheContract {
        @Override
        protected BackendFixture fixture() {
            return overTls("mysql");
        }
    }
}
