package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL over TLS, as the jpa-entities README's "TLS" section configures it: a throwaway server with
 * {@code ssl=on} and only {@code hostssl} lines in {@code pg_hba.conf}, a certificate for 127.0.0.1 signed by the
 * test's CA, and pgJDBC with {@code sslmode=verify-full&sslrootcert=<the CA>}. The kit's lock and cache contracts
 * pass over it; an untrusted certificate, a certificate for another host and a plaintext client are refused at
 * {@code connect()} with a {@code BackendException} that says so and holds no secret.
 */
class PostgresTlsTest {

    /** Stands for a client key's password in the URL: never in a message. */
    private static final String SSL_PASSWORD = "ssl-S3cr3t-key";

    private static TestCertificates certificates;
    private static ThrowawayPostgres server;

    @BeforeAll
    static void startTlsOnlyServer() throws Exception {
        certificates = TestCertificates.create();
        server = new ThrowawayPostgres().tlsOnly(certificates.server, certificates.ca);
        server.start();
        try (Connection admin = DriverManager.getConnection(server.adminUrl(), "postgres", "")) {
            admin.createStatement().execute("CREATE ROLE " + TestCertificates.CLIENT + " LOGIN SUPERUSER");
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

    /** The documented configuration: verify the chain against {@code rootCert} and the host name. */
    static SqlSettings settings(String parameters) {
        return SqlSettings.jdbc("postgresql", "jdbc:postgresql://127.0.0.1:" + server.port + "/postgres?"
                + parameters, "postgres", null).withTimeout(Duration.ofSeconds(5)).withPoolSize(4);
    }

    static SqlSettings verified(Path rootCert) {
        return settings("sslmode=verify-full&sslrootcert=" + rootCert + "&sslpassword=" + SSL_PASSWORD);
    }

    static final BackendFixture OVER_TLS = prefix -> new SqlAdapter(verified(certificates.ca), prefix);

    @Test
    void everySessionOfTheAdapterIsEncrypted() throws Exception {
        PersistenceAdapter adapter = OVER_TLS.newAdapter("tls-sessions:");
        adapter.connect();
        try {
            assertThat(adapter.locks().acquire("k", Duration.ofSeconds(5))).isPresent();
            try (Connection admin = DriverManager.getConnection(server.adminUrl(), "postgres", "");
                    ResultSet rs = admin.createStatement().executeQuery("SELECT count(*), count(*) FILTER (WHERE ssl)"
                            + " FROM pg_stat_ssl JOIN pg_stat_activity USING (pid)"
                            + " WHERE backend_type = 'client backend'"
                            + " AND pid <> pg_backend_pid()")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the adapter's sessions").isPositive();
                assertThat(rs.getInt(2)).as("encrypted sessions").isEqualTo(rs.getInt(1));
            }
        } finally {
            adapter.disconnect();
        }
    }

    /**
     * pg_hba.conf has {@code cert} for this role: it logs in only with a client certificate for its name. The key
     * is encrypted PKCS-8 and its {@code sslpassword} reaches the driver although the adapter takes it out of the URL.
     */
    @Test
    void aRoleThatMustShowAClientCertificateConnectsWithOne() throws Exception {
        String withCertificate = "sslmode=verify-full&sslrootcert=" + certificates.ca + "&sslcert="
                + certificates.client.certificate() + "&sslkey=" + certificates.clientPk8 + "&sslpassword="
                + TestCertificates.KEY_PASSWORD;
        PersistenceAdapter adapter = new SqlAdapter(client(withCertificate), "tls-client:");
        adapter.connect();
        try {
            assertThat(adapter.locks().acquire("k", Duration.ofSeconds(5))).isPresent();
            try (Connection admin = DriverManager.getConnection(server.adminUrl(), "postgres", "");
                    ResultSet rs = admin.createStatement().executeQuery("SELECT count(*) FROM pg_stat_ssl JOIN"
                            + " pg_stat_activity USING (pid) WHERE usename = '" + TestCertificates.CLIENT + "'"
                            + " AND client_dn = '/CN=" + TestCertificates.CLIENT + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("sessions authenticated by the client certificate").isPositive();
            }
        } finally {
            adapter.disconnect();
        }
        TlsFailures.refused(new SqlAdapter(client("sslmode=verify-full&sslrootcert=" + certificates.ca),
                "tls-client:"), "certificate");
    }

    private static SqlSettings client(String parameters) {
        return SqlSettings.jdbc("postgresql", "jdbc:postgresql://127.0.0.1:" + server.port + "/postgres?"
                + parameters, TestCertificates.CLIENT, null).withTimeout(Duration.ofSeconds(5)).withPoolSize(2);
    }

    @Test
    void aCertificateNotSignedByTheTrustedCaIsRefused() {
        TlsFailures.refused(new SqlAdapter(verified(certificates.otherCa), "tls-untrusted:"),
                "TLS|SSL", SSL_PASSWORD);
    }

    @Test
    void aCertificateForAnotherHostIsRefused() throws Exception {
        server.serve(certificates.wrongHost);
        try {
            TlsFailures.refused(new SqlAdapter(verified(certificates.ca), "tls-wrong-host:"),
                    "(TLS|SSL).*host|host.*(TLS|SSL)", SSL_PASSWORD);
        } finally {
            server.serve(certificates.server);
        }
    }

    @Test
    void aPlaintextClientIsRefused() {
        TlsFailures.refused(new SqlAdapter(settings("sslmode=disable"), "tls-plain:"), "TLS|SSL|encryption");
    }

    @Nested
    class Locks extends LockContract {
        @Override
        protected BackendFixture fixture() {
            return OVER_TLS;
        }
    }

    @Nested
    class Cache extends CacheContract {
        @Override
        protected BackendFixture fixture() {
            return OVER_TLS;
        }
    }
}
