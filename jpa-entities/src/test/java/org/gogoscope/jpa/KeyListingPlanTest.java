package org.gogoscope.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.KeySpace;
import org.gogoscope.jpa.dialect.SqlStatements;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code keys(pattern)} and {@code clear(pattern)} read an index range on the key, not the whole table, on every
 * SQL dialect: the database's own plan for the statement the adapter runs, with the values it binds, shows the
 * primary key's index used with both bounds of the pattern's literal head. (PostgreSQL under a collation other
 * than "C", as this machine's {@code C.UTF-8}, never turned {@code LIKE 'head%'} into an index range, and MariaDB
 * could not through {@code CONCAT(key) LIKE}: both planned a scan of the whole cache table.)
 */
class KeyListingPlanTest {

    static Stream<Arguments> all() {
        return RoundTripTest.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void listingAndClearingReadAnIndexRangeOfTheLiteralHead(String name, Supplier<SqlSettings> settings)
            throws Exception {
        String prefix = "plan-" + UUID.randomUUID() + ":";
        SqlAdapter adapter = new SqlAdapter(settings.get(), prefix);
        adapter.connect();
        try (HikariDataSource raw = new HikariDataSource(OwnedPool.hikari(settings.get().withPoolSize(1)))) {
            for (int i = 0; i < 40; i++) {
                adapter.cache().set(String.format("item:%06d", i), i, Duration.ofMinutes(5));
            }
            assertThat(adapter.cache().keys("item:00001*")).hasSize(10);
            SqlStatements sql = settings.get().dialect().sql().statements();
            KeyPattern pattern = new KeySpace(prefix, 512).pattern("pattern", "item:00001*");
            for (String statement : List.of(sql.cacheKeys(), sql.cacheDeleteMatchingLive(),
                    sql.cacheDeleteMatchingExpired())) {
                String plan = plan(raw, settings.get().dialect(), NamedSql.parse(statement), sql, pattern);
                switch (settings.get().dialect()) {
                    case POSTGRESQL -> assertThat(plan).as(plan).contains("go_goscope_cache_pkey")
                            .containsPattern("Index Cond: \\(\\(key >= .*\\) AND \\(key < .*\\)\\)")
                            .doesNotContain("Seq Scan")
                            // a bitmap AND with the expiry index reads every live (or expired) entry of the table
                            .doesNotContain("idx_cache_expires");
                    case MYSQL -> assertThat(plan).as(plan).contains("type=range", "key=PRIMARY");
                    case SQLITE -> assertThat(plan).as(plan)
                            .containsPattern("SEARCH go_goscope_cache USING (INDEX|PRIMARY KEY).*\\(key>\\? AND key<\\?\\)");
                }
            }
        } finally {
            adapter.disconnect();
        }
    }

    /** The database's plan for {@code statement} with the values the adapter binds for {@code pattern}. */
    private static String plan(HikariDataSource raw, Dialect dialect, NamedSql statement, SqlStatements sql,
            KeyPattern pattern) throws SQLException {
        String explain = switch (dialect) {
            case POSTGRESQL -> "EXPLAIN ";
            case MYSQL -> "EXPLAIN ";
            case SQLITE -> "EXPLAIN QUERY PLAN ";
        };
        try (Connection connection = raw.getConnection()) {
            String sqlText = explain + statement.jdbc();
            if (dialect == Dialect.POSTGRESQL) {
                try (Statement set = connection.createStatement()) {
                    // the table is small here: make any plan that can avoid a sequential scan do so
                    set.execute("SET enable_seqscan = off");
                    // and plan as for a statement the driver has prepared on the server (pgJDBC does after 5 runs),
                    // without the values: LIKE with a parameter is no index range then, even under COLLATE "C"
                    set.execute("SET plan_cache_mode = force_generic_plan");
                    set.execute("DEALLOCATE ALL");
                    StringBuilder numbered = new StringBuilder();
                    int n = 0;
                    for (char c : statement.jdbc().toCharArray()) {
                        numbered.append(c == '?' ? "$" + (++n) : String.valueOf(c));
                    }
                    set.execute("PREPARE listing AS " + numbered);
                    List<String> literals = new ArrayList<>();
                    for (String parameter : statement.names()) {
                        literals.add("'" + value(parameter, sql, pattern).replace("'", "''") + "'");
                    }
                    // EXECUTE takes no bind parameters: the values are the test's own, quoted
                    sqlText = "EXPLAIN EXECUTE listing(" + String.join(", ", literals) + ")";
                    return lines(set.executeQuery(sqlText), dialect);
                }
            }
            try (PreparedStatement prepared = connection.prepareStatement(sqlText)) {
                List<String> names = statement.names();
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i).equals(SqlStatements.CLOCK)) {
                        prepared.setLong(i + 1, System.currentTimeMillis());
                    } else {
                        prepared.setString(i + 1, value(names.get(i), sql, pattern));
                    }
                }
                return lines(prepared.executeQuery(), dialect);
            }
        }
    }

    /** The value the adapter binds to {@code parameter} when it lists {@code pattern}. */
    private static String value(String parameter, SqlStatements sql, KeyPattern pattern) {
        return switch (parameter) {
            case "pattern" -> sql.pattern(pattern);
            case "lower" -> pattern.literalHead();
            case "upper" -> pattern.literalHeadEnd().orElseThrow();
            default -> throw new IllegalStateException("unexpected parameter " + parameter);
        };
    }

    private static String lines(ResultSet rs, Dialect dialect) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (rs) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    String label = rs.getMetaData().getColumnLabel(c);
                    line.append(dialect == Dialect.MYSQL ? label + "=" : "").append(rs.getString(c)).append(' ');
                }
                lines.add(line.toString().strip());
            }
        }
        return String.join("\n", lines);
    }
}
