package org.gogoscope.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.jpa.SqlAdapter;
import org.gogoscope.jpa.SqlSettings;
import org.gogoscope.testsupport.TestCertificates;

/**
 * MariaDB of the test's own: {@code mariadb-install-db} and {@code mariadbd --user=mysql} into a temp
 * directory, InnoDB with its default {@code innodb_flush_log_at_trx_commit=1} (acknowledged commits are
 * durable). {@link #crash()} is SIGKILL of mariadbd; InnoDB recovers from its redo log on the next start.
 * {@link #tlsOnly} makes it a TLS-only server ({@code ssl_cert}, {@code ssl_key}, {@code require_secure_transport=ON}).
 */
final class ThrowawayMariaDb extends ThrowawayServer {

    private boolean initialised;
    private Process server;
    private TestCertificates.Pair tls;
    private Path clientCa;

    ThrowawayMariaDb() throws Exception {
        super("mysql");
    }

    /**
     * Before the first {@link #start()}: serve TLS with {@code certificate}, and refuse plaintext clients; client
     * certificates are verified against {@code clientCa} (for users created {@code REQUIRE X509}).
     */
    ThrowawayMariaDb tlsOnly(TestCertificates.Pair certificate, Path clientCa) {
        if (initialised) {
            throw new IllegalStateException("tlsOnly must be set before the first start");
        }
        tls = certificate;
        this.clientCa = clientCa;
        return this;
    }

    /** Presents another certificate to new connections from now on ({@code FLUSH SSL} on a running server). */
    void serve(TestCertificates.Pair certificate) throws Exception {
        tls = certificate;
        serverFile("server.crt", certificate.certificate());
        serverFile("server.key", certificate.key());
        if (server != null) {
            try (Connection c = DriverManager.getConnection(adminUrl(""), "root", "")) {
                c.createStatement().execute("FLUSH SSL");
            }
        }
    }

    /** A URL this class's own checks connect with (TLS, unverified, when the server is TLS-only). */
    String adminUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + (tls != null ? "?sslMode=trust" : "");
    }

    /** {@code source} copied into the server's directory, owned by mysql, readable only by it. */
    private Path serverFile(String name, Path source) throws Exception {
        Path target = dir.resolve(name);
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        Files.setOwner(target, target.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("mysql"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        return target;
    }

    @Override
    String backend() {
        return "mariadb";
    }

    String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/test";
    }

    @Override
    void start() throws Exception {
        if (!initialised) {
            run(List.of("mariadb-install-db", "--no-defaults", "--user=mysql", "--datadir=" + dir + "/data",
                    "--auth-root-authentication-method=normal", "--skip-test-db"));
        }
        List<String> command = new ArrayList<>(List.of("mariadbd", "--no-defaults", "--user=mysql",
                "--datadir=" + dir + "/data", "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dir + "/mysqld.sock", "--pid-file=" + dir + "/mysqld.pid",
                "--log-error=" + dir + "/error.log", "--innodb-buffer-pool-size=32M", "--max-connections=50"));
        if (tls != null) {
            command.addAll(List.of("--ssl-cert=" + serverFile("server.crt", tls.certificate()),
                    "--ssl-key=" + serverFile("server.key", tls.key()),
                    "--ssl-ca=" + serverFile("client-ca.pem", clientCa), "--require-secure-transport=ON"));
        }
        server = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        await("mariadbd on port " + port, () -> {
            if (!server.isAlive()) {
                throw new IllegalStateException("mariadbd on " + port + " exited; see " + dir + "/error.log");
            }
            try (Connection c = DriverManager.getConnection(adminUrl(""), "root", "")) {
                return true;
            } catch (Exception e) {
                return false;
            }
        });
        if (!initialised) {
            try (Connection c = DriverManager.getConnection(adminUrl(""), "root", "")) {
                c.createStatement().execute("CREATE DATABASE IF NOT EXISTS test");
            }
            initialised = true;
        }
    }

    @Override
    void crash() throws Exception {
        Process running = server;
        server = null;
        if (running != null) {
            running.destroyForcibly(); // SIGKILL
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("mariadbd on " + port + " survived SIGKILL");
            }
            await("port " + port + " released", () -> isFree(port));
        }
    }

    @Override
    PersistenceAdapter adapter(String prefix, Duration timeout, int poolSize) {
        return new SqlAdapter(SqlSettings.jdbc("mariadb", jdbcUrl(), "root", null).withTimeout(timeout)
                .withPoolSize(poolSize), prefix);
    }

    @Override
    int clientConnections() throws Exception {
        try (Connection c = DriverManager.getConnection(adminUrl("test"), "root", "");
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM information_schema.PROCESSLIST"
                        + " WHERE USER = 'root' AND ID <> CONNECTION_ID()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    void stop() {
        try {
            crash();
        } catch (Exception e) {
            System.err.println("could not stop throwaway MariaDB on " + port + ": " + e);
        }
    }
}
