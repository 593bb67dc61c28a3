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
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.jpa.SqlAdapter;
import org.gogoscope.jpa.SqlSettings;
import org.gogoscope.testsupport.TestCertificates;

/**
 * PostgreSQL 15 of the test's own: {@code initdb} and {@code pg_ctl} as user postgres into a temp directory
 * (binaries under {@code /usr/lib/postgresql/15/bin}, override with {@code -Dreliability.pgbin=}), fsync on
 * (acknowledged commits are durable). {@link #crash()} is {@code pg_ctl stop -m immediate}: no checkpoint,
 * crash recovery from WAL on the next start. {@link #tlsOnly} makes it a TLS-only server ({@code ssl=on}, and
 * {@code pg_hba.conf} allows TCP clients only as {@code hostssl}).
 */
final class ThrowawayPostgres extends ThrowawayServer {

    private static final String BIN = System.getProperty("reliability.pgbin", "/usr/lib/postgresql/15/bin");
    private boolean initialised;
    private boolean running;
    private TestCertificates.Pair tls;
    private Path clientCa;

    ThrowawayPostgres() throws Exception {
        super("postgres");
    }

    /**
     * Before the first {@link #start()}: serve TLS with {@code certificate}, and refuse plaintext TCP clients. Role
     * {@link TestCertificates#CLIENT} must log in with a client certificate signed by {@code clientCa}
     * ({@code cert} in pg_hba.conf); the others need none.
     */
    ThrowawayPostgres tlsOnly(TestCertificates.Pair certificate, Path clientCa) {
        if (initialised) {
            throw new IllegalStateException("tlsOnly must be set before the first start");
        }
        tls = certificate;
        this.clientCa = clientCa;
        return this;
    }

    /** Presents another certificate from now on: restarts a running server with it. */
    void serve(TestCertificates.Pair certificate) throws Exception {
        tls = certificate;
        if (running) {
            crash();
            start();
        }
    }

    /** A URL this class's own checks connect with (TLS, unverified, when the server is TLS-only). */
    String adminUrl() {
        return jdbcUrl() + (tls != null ? "?sslmode=require" : "");
    }

    @Override
    String backend() {
        return "postgresql";
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    void start() throws Exception {
        if (!initialised) {
            run(List.of("runuser", "-u", "postgres", "--", BIN + "/initdb", "-D", dir + "/data", "-A", "trust",
                    "-U", "postgres", "-E", "UTF8", "--no-sync"));
            if (tls != null) {
                Files.writeString(dir.resolve("data/pg_hba.conf"), "local all all trust\n"
                        + "hostssl all " + TestCertificates.CLIENT + " 127.0.0.1/32 cert\n"
                        + "hostssl all all 127.0.0.1/32 trust\nhostssl all all ::1/128 trust\n");
            }
            initialised = true;
        }
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir
                + " -c fsync=on -c max_connections=50";
        if (tls != null) {
            options += " -c ssl=on -c ssl_cert_file=" + serverFile("server.crt", tls.certificate())
                    + " -c ssl_key_file=" + serverFile("server.key", tls.key())
                    + " -c ssl_ca_file=" + serverFile("client-ca.pem", clientCa);
        }
        run(new ArrayList<>(List.of("runuser", "-u", "postgres", "--", BIN + "/pg_ctl", "-D", dir + "/data", "-l",
                dir + "/server.log", "-w", "-t", "60", "-o", options, "start")));
        running = true;
    }

    /** {@code source} copied into the server's directory, owned by postgres, readable only by it. */
    private Path serverFile(String name, Path source) throws Exception {
        Path target = dir.resolve(name);
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        Files.setOwner(target, target.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(
                "postgres"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        return target;
    }

    @Override
    void crash() throws Exception {
        run(List.of("runuser", "-u", "postgres", "--", BIN + "/pg_ctl", "-D", dir + "/data", "-m", "immediate", "-w",
                "stop"));
        running = false;
    }

    @Override
    PersistenceAdapter adapter(String prefix, Duration timeout, int poolSize) {
        return new SqlAdapter(SqlSettings.jdbc("postgresql", jdbcUrl(), "postgres", null).withTimeout(timeout)
                .withPoolSize(poolSize), prefix);
    }

    @Override
    int clientConnections() throws Exception {
        try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", "");
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity WHERE "
                        + "backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    void stop() {
        if (running) {
            try {
                crash();
            } catch (Exception e) {
                System.err.println("could not stop throwaway PostgreSQL on " + port + ": " + e);
            }
        }
    }
}
