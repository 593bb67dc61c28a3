package org.gogoscope.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import org.gogoscope.jpa.dialect.SqlDialect;
import org.junit.jupiter.api.Test;

/**
 * The first-connection messages lead with what a TLS refusal means where the driver's words do not say it (the
 * drivers' own texts, as measured against TLS-only servers in reliability's PostgresTlsTest / MariaDbTlsTest).
 */
class SqlFailureTest {

    private static final String PG = "jdbc:postgresql://db:5432/app?sslmode=verify-full&sslrootcert=/ca.pem";
    private static final SqlDialect POSTGRESQL = Dialect.POSTGRESQL.sql();
    private static final SqlDialect MYSQL = Dialect.MYSQL.sql();

    @Test
    void aCertificateForAnotherHostIsNamedAsSuch() {
        SQLException pg = new SQLException("The hostname db could not be verified by hostnameverifier"
                + " PgjdbcHostnameVerifier.", "08006");
        assertThat(SqlFailure.connectFailure("db:5432", PG, POSTGRESQL, pg))
                .startsWith("cannot connect to db:5432: TLS: the server's certificate is not issued for host db");
        SQLException mysql = new SQLException("Communications link failure", "08S01", new CertificateException(
                "Server identity verification failed. None of the certificate's DNS or IP Subject Alternative Name"
                        + " entries matched the server hostname/IP 'db'."));
        assertThat(SqlFailure.connectFailure("db:3306", "jdbc:mysql://db:3306/app?sslMode=VERIFY_IDENTITY", MYSQL,
                mysql))
                .contains("TLS: the server's certificate is not issued for host db").contains("Subject Alternative");
    }

    @Test
    void anUntrustedCertificateIsNamedAsSuch() {
        SQLException mysql = new SQLException("Communications link failure", "08S01",
                new CertPathValidatorException("Path does not chain with any of the trust anchors"));
        assertThat(SqlFailure.connectFailure("db:3306", "jdbc:mysql://db/app?sslMode=VERIFY_CA", MYSQL, mysql))
                .contains("TLS: the server's certificate is not signed by a CA this client trusts");
    }

    @Test
    void plaintextRefusedByATlsOnlyServerIsNamedAsSuch() {
        SQLException noEncryption = new SQLException("FATAL: no pg_hba.conf entry for host \"10.0.0.1\", user"
                + " \"app\", database \"app\", no encryption", "28000");
        assertThat(SqlFailure.connectFailure("db:5432", "jdbc:postgresql://db/app?sslmode=disable", POSTGRESQL,
                noEncryption)).contains("TLS: the server accepts this client only over TLS");
        SQLException denied = new SQLException("Access denied for user 'app'@'10.0.0.1' (using password: YES)",
                "28000", 1045);
        assertThat(SqlFailure.connectFailure("db:3306", "jdbc:mariadb://db/app", MYSQL, denied))
                .contains("require_secure_transport");
        assertThat(SqlFailure.connectFailure("db:3306", "jdbc:mariadb://db/app?sslMode=verify-full", MYSQL,
                denied))
                .isEqualTo("cannot connect to db:3306: " + SqlFailure.describe(denied));
    }

    @Test
    void anErrorCodeIsReadOnlyByTheDialectWhoseProductUsesIt() {
        // MySQL's 1045 and PostgreSQL's 28000 "no encryption" mean nothing to another product's store
        SQLException denied = new SQLException("Access denied for user 'app'", "28000", 1045);
        assertThat(SqlFailure.connectFailure("db:3306", "jdbc:mariadb://db/app", POSTGRESQL, denied))
                .isEqualTo("cannot connect to db:3306: " + SqlFailure.describe(denied));
        SQLException noEncryption = new SQLException("no pg_hba.conf entry, no encryption", "28000");
        assertThat(SqlFailure.connectFailure("db:5432", "jdbc:postgresql://db/app", Dialect.SQLITE.sql(),
                noEncryption)).isEqualTo("cannot connect to db:5432: " + SqlFailure.describe(noEncryption));
    }

    @Test
    void otherFailuresAreLeftAsTheDriverSaidThem() {
        SQLException refused = new SQLException("Connection to db:5432 refused.", "08001");
        assertThat(SqlFailure.connectFailure("db:5432", PG, POSTGRESQL, refused))
                .isEqualTo("cannot connect to db:5432: Connection to db:5432 refused. [SQLState 08001]");
    }
}
