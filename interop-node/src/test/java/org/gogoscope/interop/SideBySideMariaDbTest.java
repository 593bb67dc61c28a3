package org.gogoscope.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.jpa.SqlAdapter;
import org.gogoscope.jpa.SqlSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Java node and a Node node (go-go-scope 2.9.1's {@code @go-go-scope/persistence-mysql}, mysql2 with
 * {@code timezone: 'Z'}) with the same key prefix on one MariaDB database: locks, cache, breaker state and
 * checkpoints are shared ({@link SideBySide}), through both Java drivers (MariaDB Connector/J as backend
 * {@code mariadb}, MySQL Connector/J as backend {@code mysql}) and in both orders of first connect (who creates the
 * tables). Each case runs on a database of its own.
 */
class SideBySideMariaDbTest {

    private static final String SERVER = "127.0.0.1:3306";
    private static final String PREFIX = "orders:";

    @BeforeAll
    static void installNodeAdapters() {
        NodePeer.install();
    }

    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of("mariadb", "jdbc:mariadb://", true), Arguments.of("mariadb", "jdbc:mariadb://", false),
                Arguments.of("mysql", "jdbc:mysql://", true), Arguments.of("mysql", "jdbc:mysql://", false));
    }

    @ParameterizedTest(name = "{0} driver, Node connects first: {2}")
    @MethodSource("cases")
    void aJavaAndANodeServiceShareLocksCacheBreakersAndCheckpoints(String backend, String scheme, boolean nodeFirst)
            throws Exception {
        String database = "gogoscope_side_" + backend + (nodeFirst ? "_node_first" : "_java_first");
        sql(null, "DROP DATABASE IF EXISTS " + database, "CREATE DATABASE " + database);
        SqlSettings settings = SqlSettings.jdbc(backend, scheme + SERVER + "/" + database, "root", null);
        // checkpoints as the Node SQL adapters store them: without the prefix (checkpoints.prefixed=false)
        PersistenceAdapter java = new SqlAdapter(settings, PREFIX, false);
        PersistenceAdapter isolated = new SqlAdapter(settings, PREFIX);
        try (NodePeer node = NodePeer.mysql("127.0.0.1", 3306, "root", "", database, PREFIX)) {
            if (nodeFirst) {
                node.connect();
                java.connect(); // migrates Node's tables: binary keys, DATETIME(3), fencing tokens
            } else {
                java.connect();
                node.connect(); // CREATE TABLE IF NOT EXISTS: Java's tables stay as they are
            }
            isolated.connect();
            SideBySide both = new SideBySide(java, node, SideBySide.AT_ONCE);

            LockHandle held = both.locksHeldByEitherAreRefusedToTheOther();
            assertThat(held.release()).isTrue();
            assertThat(node.acquire("job", SideBySide.LONG.toMillis())).as("released by Java: free to Node").isTrue();
            node.forceRelease("job");
            assertThat(java.locks().acquire("job", SideBySide.LONG, "java")).as("force-released by Node").isPresent();
            assertThat(column(database, "SELECT `key` FROM go_goscope_locks WHERE `key` LIKE 'orders:%' ORDER BY 1"))
                    .as("one row per lock, in go-go-scope's layout").containsExactly("orders:lock:job");

            both.cacheEntriesAreSharedBothWays();
            both.breakerStateAndCountsAreShared();
            both.cacheTtlsStart();
            both.lockTtlsAndExtendsAreHonouredBothWays(); // waits the short TTLs out
            both.cacheTtlsHaveRunOut();

            checkpointsAreSharedWithoutThePrefix(java, isolated, node);
        } finally {
            java.disconnect();
            isolated.disconnect();
            sql(null, "DROP DATABASE IF EXISTS " + database);
        }
    }

    /**
     * The Node SQL adapters store checkpoint ids and task ids without the key prefix: with
     * {@code checkpoints.prefixed=false} Java resumes Node's tasks and Node Java's; a store with the default keeps
     * its tasks apart from both.
     */
    private static void checkpointsAreSharedWithoutThePrefix(PersistenceAdapter java, PersistenceAdapter isolated,
            NodePeer node) {
        for (int sequence = 1; sequence <= 3; sequence++) {
            java.checkpoints().save(new Checkpoint<>("report-" + sequence, "report", sequence,
                    Instant.ofEpochMilli(1_700_000_000_000L + sequence), sequence * 30, Map.of("page", sequence), null));
        }
        JsonObject latest = node.loadLatest("report");
        assertThat(latest.getString("id")).isEqualTo("report-3");
        assertThat(latest.getString("taskId")).isEqualTo("report");
        assertThat(latest.getJsonNumber("timestamp").longValue()).isEqualTo(1_700_000_000_003L);
        assertThat(latest.getInt("progress")).isEqualTo(90);
        assertThat(latest.getJsonObject("data")).isEqualTo(Json.createObjectBuilder().add("page", 3).build());

        node.saveCheckpoint(Json.createObjectBuilder().add("id", "report-4").add("taskId", "report").add("sequence", 4)
                .add("timestamp", 1_700_000_000_004L).add("progress", 100)
                .add("data", Json.createObjectBuilder().add("page", 4)).add("estimatedTimeRemaining", 0).build());
        @SuppressWarnings("rawtypes")
        Checkpoint<Map> resumed = java.checkpoints().loadLatest("report", Map.class).orElseThrow();
        assertThat(resumed.id()).isEqualTo("report-4");
        assertThat(resumed.sequence()).isEqualTo(4);
        assertThat(resumed.progress()).isEqualTo(100);
        assertThat(((Number) resumed.data().get("page")).intValue()).isEqualTo(4);
        assertThat(java.checkpoints().list("report", Map.class)).extracting(Checkpoint::id)
                .containsExactly("report-1", "report-2", "report-3", "report-4");
        node.cleanup("report", 2);
        assertThat(java.checkpoints().list("report", Map.class)).extracting(Checkpoint::id)
                .containsExactly("report-3", "report-4");
        java.checkpoints().deleteAll("report");
        assertThat(node.loadLatest("report")).isNull();

        node.saveCheckpoint(Json.createObjectBuilder().add("id", "n-1").add("taskId", "nightly").add("sequence", 1)
                .add("timestamp", 1L).add("progress", 1).add("data", Json.createObjectBuilder()).build());
        assertThat(isolated.checkpoints().loadLatest("nightly", Map.class))
                .as("the default store prefixes its task ids: Node's task is not its own").isEmpty();
        assertThat(java.checkpoints().loadLatest("nightly", Map.class)).isPresent();
    }

    private static List<String> column(String database, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + SERVER + "/" + database, "root", "");
                Statement s = c.createStatement(); var rows = s.executeQuery(query)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static void sql(String database, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + SERVER + "/" + (database == null ? ""
                : database), "root", ""); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
