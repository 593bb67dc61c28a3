package org.gogoscope.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.api.CircuitState;
import org.gogoscope.api.LockInfo;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL and SQLite have no go-go-scope Node adapter served here (the MySQL one runs for real in
 * interop-node): rows written by hand exactly as the Node adapters write them (seed 001's schema, the
 * {@code {prefix}lock:}, {@code circuit:}, {@code cache:} layout, their time and value formats) are read by this
 * library, and the rows this library writes are found by the Node adapters' own reading rules, run here as SQL.
 */
class NodeRowsTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    /**
     * The Node PostgreSQL adapter: TIMESTAMP columns holding its clock in UTC (JavaScript Dates and ISO strings),
     * JSONB values, states {@code open}/{@code closed}/{@code half-open}; it compares expiry with its clock for
     * locks and with {@code NOW()} for cache entries.
     */
    @Test
    void postgresqlRowsOfTheNodeAdapterAndOursAreEachOthers() throws SQLException {
        SqlSettings settings = TestDatabases.postgresql();
        String prefix = "node" + UUID.randomUUID().toString().substring(0, 8) + ":";
        PersistenceAdapter java = new SqlAdapter(settings, prefix);
        java.connect();
        try (HikariDataSource raw = new HikariDataSource(OwnedPool.hikari(settings.withPoolSize(2)))) {
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            update(raw, "INSERT INTO go_goscope_locks (key, owner, expires_at) VALUES (?, ?, ?)",
                    prefix + "lock:held", "1733-node", Timestamp.valueOf(now.plusSeconds(30)));
            update(raw, "INSERT INTO go_goscope_locks (key, owner, expires_at) VALUES (?, ?, ?)",
                    prefix + "lock:stale", "1733-node", Timestamp.valueOf(now.minusSeconds(1)));
            update(raw, "INSERT INTO go_goscope_cache (key, value, expires_at) VALUES (?, CAST(? AS jsonb), ?)",
                    prefix + "cache:order", "{\"id\":7,\"lines\":[\"a\",2.5]}", Timestamp.valueOf(now.plusSeconds(30)));
            update(raw, "INSERT INTO go_goscope_cache (key, value, expires_at) VALUES (?, CAST(? AS jsonb), NULL)",
                    prefix + "cache:forever", "\"text\"");
            update(raw, "INSERT INTO go_goscope_cache (key, value, expires_at) VALUES (?, CAST(? AS jsonb), ?)",
                    prefix + "cache:gone", "1", Timestamp.valueOf(now.minusSeconds(1)));
            update(raw, "INSERT INTO go_goscope_circuit (key, state, failure_count, last_failure_time, updated_at)"
                    + " VALUES (?, 'open', 3, CAST(? AS timestamp), NOW())", prefix + "circuit:payments",
                    now.minusSeconds(2).toString() + "Z");

            LockInfo held = java.locks().inspect("held").orElseThrow();
            assertThat(held.owner()).isEqualTo("1733-node");
            assertThat(held.remaining()).isBetween(Duration.ofSeconds(25), LONG);
            assertThat(java.locks().acquire("held", LONG, "java")).as("Node's live lock").isEmpty();
            assertThat(java.locks().acquire("stale", LONG, "java")).as("Node's expired lock").isPresent();
            @SuppressWarnings("unchecked")
            Map<String, Object> order = java.cache().get("order", Map.class).orElseThrow();
            assertThat(String.valueOf(order.get("lines"))).isEqualTo("[a, 2.5]");
            assertThat(((Number) order.get("id")).intValue()).isEqualTo(7);
            assertThat(java.cache().get("forever", String.class)).contains("text");
            assertThat(java.cache().keys()).containsExactlyInAnyOrder("order", "forever");
            CircuitBreakerState open = java.circuitBreakers().getState("payments").orElseThrow();
            assertThat(open.state()).isEqualTo(CircuitState.OPEN);
            assertThat(open.failureCount()).isEqualTo(3);
            assertThat(open.lastFailureTime()).isBetween(now.minusSeconds(3).toInstant(ZoneOffset.UTC),
                    now.minusSeconds(1).toInstant(ZoneOffset.UTC));
            assertThat(java.circuitBreakers().recordFailure("payments", 5)).isEqualTo(4);

            // ours, read by the Node adapter's rules: key, owner, expiry in UTC after its clock; NOW() for the cache
            java.locks().acquire("mine", LONG, "java").orElseThrow();
            assertThat(strings(raw, "SELECT owner FROM go_goscope_locks WHERE key = ? AND expires_at > ?",
                    prefix + "lock:mine", Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)))).containsExactly("java");
            java.cache().set("mine", Map.of("n", 1), LONG);
            assertThat(strings(raw, "SELECT value::text FROM go_goscope_cache WHERE key = ?"
                    + " AND (expires_at IS NULL OR expires_at > NOW())", prefix + "cache:mine"))
                    .containsExactly("{\"n\": 1}");
            java.circuitBreakers().setState("search", new CircuitBreakerState(CircuitState.HALF_OPEN, 1, null, null));
            assertThat(strings(raw, "SELECT state || ':' || failure_count FROM go_goscope_circuit WHERE key = ?",
                    prefix + "circuit:search")).containsExactly("half-open:1");
        } finally {
            java.disconnect();
        }
    }

    /**
     * The Node SQLite adapter keeps its locks in process memory (nothing to share) and stores times as integers
     * (cache expiry in epoch seconds, breaker times in epoch milliseconds) where this library stores UTC text: what
     * both read the same is the layout, cache entries without expiry and breaker states and counts.
     */
    @Test
    void sqliteRowsOfTheNodeAdapterShareTheLayoutUntimedEntriesAndBreakerCounts() throws SQLException {
        SqlSettings settings = SqlSettings.sqliteFile("target/sqlite/node-rows-" + UUID.randomUUID() + ".db");
        String prefix = "node:";
        PersistenceAdapter java = new SqlAdapter(settings, prefix);
        java.connect();
        try (HikariDataSource raw = new HikariDataSource(OwnedPool.hikari(settings.withPoolSize(1)))) {
            update(raw, "INSERT INTO go_goscope_cache (key, value, expires_at) VALUES (?, ?, NULL)",
                    prefix + "cache:config", "{\"mode\":\"fast\"}");
            update(raw, "INSERT INTO go_goscope_circuit (key, state, failure_count, updated_at) VALUES (?, ?, ?, ?)",
                    prefix + "circuit:payments", "open", 3, System.currentTimeMillis());
            assertThat(java.cache().get("config", Map.class)).contains(Map.of("mode", "fast"));
            assertThat(java.cache().keys()).containsExactly("config");
            CircuitBreakerState open = java.circuitBreakers().getState("payments").orElseThrow();
            assertThat(open.state()).isEqualTo(CircuitState.OPEN);
            assertThat(open.failureCount()).isEqualTo(3);

            java.cache().set("mine", List.of(1, 2));
            java.circuitBreakers().recordFailure("search", 1);
            assertThat(strings(raw, "SELECT value FROM go_goscope_cache WHERE key = ?", prefix + "cache:mine"))
                    .containsExactly("[1,2]");
            assertThat(strings(raw, "SELECT state || ':' || failure_count FROM go_goscope_circuit WHERE key = ?",
                    prefix + "circuit:search")).containsExactly("open:1");
        } finally {
            java.disconnect();
        }
    }

    private static void update(HikariDataSource raw, String sql, Object... params) throws SQLException {
        try (Connection c = raw.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static List<String> strings(HikariDataSource raw, String sql, Object... params) throws SQLException {
        try (Connection c = raw.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
