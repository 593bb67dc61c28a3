package org.gogoscope.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.jpa.SqlAdapter;
import org.gogoscope.jpa.SqlSettings;

/**
 * MariaDB of the test's own: {@code mariadb-install-db} and {@code mariadbd --user=mysql} into a temp
 * directory, InnoDB with its default {@code innodb_flush_log_at_trx_commit=1} (acknowledged commits are
 * durable). {@link #crash()} is SIGKILL of mariadbd; InnoDB recovers from its redo log on the next start.
 */
final class ThrowawayMariaDb extends ThrowawayServer {

    private boolean initialised;
    private Process server;

    ThrowawayMariaDb() throws Exception {
        super("mysql");
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
        server = new ProcessBuilder("mariadbd", "--no-defaults", "--user=mysql", "--datadir=" + dir + "/data",
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir + "/mysqld.sock",
                "--pid-file=" + dir + "/mysqld.pid", "--log-error=" + dir + "/error.log",
                "--innodb-buffer-pool-size=32M", "--max-connections=50")
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        await("mariadbd on port " + port, () -> {
            if (!server.isAlive()) {
                throw new IllegalStateException("mariadbd on " + port + " exited; see " + dir + "/error.log");
            }
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "")) {
                return true;
            } catch (Exception e) {
                return false;
            }
        });
        if (!initialised) {
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "")) {
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
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "root", "");
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
