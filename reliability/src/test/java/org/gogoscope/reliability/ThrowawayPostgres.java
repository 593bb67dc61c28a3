package org.gogoscope.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.jpa.SqlAdapter;
import org.gogoscope.jpa.SqlSettings;

/**
 * PostgreSQL 15 of the test's own: {@code initdb} and {@code pg_ctl} as user postgres into a temp directory
 * (binaries under {@code /usr/lib/postgresql/15/bin}, override with {@code -Dreliability.pgbin=}), fsync on
 * (acknowledged commits are durable). {@link #crash()} is {@code pg_ctl stop -m immediate}: no checkpoint,
 * crash recovery from WAL on the next start.
 */
final class ThrowawayPostgres extends ThrowawayServer {

    private static final String BIN = System.getProperty("reliability.pgbin", "/usr/lib/postgresql/15/bin");
    private boolean initialised;
    private boolean running;

    ThrowawayPostgres() throws Exception {
        super("postgres");
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
            initialised = true;
        }
        run(List.of("runuser", "-u", "postgres", "--", BIN + "/pg_ctl", "-D", dir + "/data", "-l", dir + "/server.log",
                "-w", "-t", "60", "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir
                        + " -c fsync=on -c max_connections=50", "start"));
        running = true;
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
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "");
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
