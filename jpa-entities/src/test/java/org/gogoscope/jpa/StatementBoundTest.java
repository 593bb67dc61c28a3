package org.gogoscope.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.LockProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A statement blocked by another session fails within the configured timeout, on the adapter's own pool, however
 * the dialect bounds it (PostgreSQL: the session's {@code statement_timeout}; SQLite: {@code busy_timeout};
 * MySQL/MariaDB: the JDBC query timeout), and the next call works again on the same pool (SQLite: the cached
 * statement that failed is prepared afresh).
 */
class StatementBoundTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration TTL = Duration.ofSeconds(30);

    static Stream<Arguments> all() {
        return Stream.of(Arguments.of("postgresql", (Supplier<SqlSettings>) TestDatabases::postgresql),
                Arguments.of("mariadb", (Supplier<SqlSettings>) TestDatabases::mariadb),
                Arguments.of("mysql-connector-j", (Supplier<SqlSettings>) TestDatabases::mysqlDriver),
                Arguments.of("sqlite", (Supplier<SqlSettings>) TestDatabases::sqlite));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void aBlockedStatementFailsWithinTheTimeoutAndThePoolRecovers(String name, Supplier<SqlSettings> settings)
            throws Exception {
        SqlSettings configured = settings.get().withPoolSize(2).withTimeout(TIMEOUT);
        String prefix = "bound" + UUID.randomUUID().toString().substring(0, 8) + ":";
        SqlAdapter adapter = new SqlAdapter(configured, prefix);
        adapter.connect();
        try (Connection blocker = DriverManager.getConnection(configured.jdbcUrl(), configured.user(),
                configured.password())) {
            LockProvider locks = adapter.locks();
            locks.acquire("k", TTL, "alice").orElseThrow().release(); // the row exists, its statements are prepared
            block(blocker, configured.backend(), prefix + "lock:k");
            long start = System.nanoTime();
            assertThatThrownBy(() -> locks.acquire("k", TTL, "bob")).isInstanceOf(BackendException.class)
                    .hasMessageContaining("lock.acquire")
                    .satisfies(e -> {
                        String message = String.valueOf(e.getMessage()) + e.getCause();
                        if (configured.backend().equals("postgresql")) {
                            assertThat(message).contains("statement timeout"); // the server's, not the socket's
                        } else if (configured.backend().equals("sqlite")) {
                            assertThat(message).containsAnyOf("SQLITE_BUSY", "locked");
                        }
                    });
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).isGreaterThanOrEqualTo(900).isLessThan(4_000); // 1 s configured; the socket's is 2 s
            blocker.rollback();
            assertThat(locks.acquire("k", TTL, "bob")).isPresent();
            assertThat(locks.release("k", "bob")).isTrue();
        } finally {
            adapter.disconnect();
        }
    }

    /** Holds the lock row (server databases) or the whole file (SQLite) in an open transaction. */
    private static void block(Connection blocker, String backend, String key) throws Exception {
        blocker.setAutoCommit(false);
        if (backend.equals("sqlite")) {
            try (Statement statement = blocker.createStatement()) {
                statement.executeUpdate("UPDATE go_goscope_locks SET owner = owner WHERE key = 'none'");
            }
            return;
        }
        String column = backend.equals("postgresql") ? "key" : "`key`";
        try (PreparedStatement statement = blocker.prepareStatement(
                "SELECT owner FROM go_goscope_locks WHERE " + column + " = ? FOR UPDATE")) {
            statement.setString(1, key);
            statement.executeQuery().close();
        }
    }
}
