package org.gogoscope.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.gogoscope.mongodb.standin.MongoStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness itself: two {@link NodePeer}s (two Node nodes on go-go-scope's published adapters) on a fresh MariaDB
 * database and on the MongoDB stand-in, each seeing what the other wrote, and the rows / indexes really there.
 * Timings go to stdout (target/surefire-reports/*-output.txt).
 */
class NodePeerSmokeTest {

    private static final String DATABASE = "gogoscope_interop_smoke";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

    @BeforeAll
    static void installOnce() {
        long start = System.nanoTime();
        NodePeer.install();
        System.out.printf("node/setup.sh: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @BeforeAll
    static void freshDatabase() throws SQLException {
        // not `test`: other modules' tests use go-go-scope's tables there, maybe at this very moment
        sql("DROP DATABASE IF EXISTS " + DATABASE, "CREATE DATABASE " + DATABASE);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        sql("DROP DATABASE IF EXISTS " + DATABASE);
    }

    @Test
    void twoNodeNodesShareLocksCacheCircuitsAndCheckpointsOnMariaDb() throws Exception {
        long start = System.nanoTime();
        try (NodePeer a = NodePeer.mysql("127.0.0.1", 3306, "root", "", DATABASE, "smoke:");
                NodePeer b = NodePeer.mysql("127.0.0.1", 3306, "root", "", DATABASE, "smoke:")) {
            assertThat(tables()).isEmpty(); // the peers create nothing until told to
            a.connect();
            assertThat(tables()).containsExactly("go_goscope_cache", "go_goscope_checkpoints", "go_goscope_circuit",
                    "go_goscope_locks");
            b.connect(); // CREATE TABLE IF NOT EXISTS: a second node's connect is harmless

            // locks: one holder across the two processes, the row under the adapter's key
            assertThat(a.acquire("job", 30_000)).isTrue();
            assertThat(b.acquire("job", 30_000)).isFalse();
            assertThat(a.isValid("job")).isTrue();
            assertThat(column("SELECT `key` FROM go_goscope_locks")).containsExactly("smoke:lock:job");
            assertThat(a.extend("job", 60_000)).isTrue();
            assertThat(b.release("job")).isFalse(); // b holds no handle
            assertThat(a.release("job")).isTrue();
            assertThat(b.acquire("job", 30_000)).isTrue();
            assertThat(a.acquire("job", 30_000)).isFalse();
            b.forceRelease("job");
            assertThat(column("SELECT `key` FROM go_goscope_locks")).isEmpty();

            // cache: JSON values written by one node read back by the other, strings included
            JsonObject order = Json.createObjectBuilder().add("id", 7).add("lines", Json.createArrayBuilder()
                    .add("a").add(2.5).addNull().add(true)).add("note", "é \"q\" \\ ✓").build();
            a.cacheSet("order:7", order, null);
            a.cacheSet("greeting", Json.createValue("hello"), 60_000L);
            a.cacheSet("count", Json.createValue(42), null);
            assertThat(b.cacheGet("order:7")).isEqualTo(order);
            assertThat(b.cacheGet("greeting")).isEqualTo(Json.createValue("hello"));
            assertThat(b.cacheGet("count")).isEqualTo(Json.createValue(42));
            assertThat(b.cacheGet("absent")).isEqualTo(JsonValue.NULL);
            assertThat(b.cacheHas("order:7")).isTrue();
            assertThat(b.cacheKeys(null)).containsExactly("count", "greeting", "order:7");
            assertThat(b.cacheKeys("order:*")).containsExactly("order:7");
            assertThat(column("SELECT value FROM go_goscope_cache WHERE `key` = 'smoke:cache:greeting'"))
                    .containsExactly("\"hello\"");
            b.cacheDelete("order:7");
            assertThat(a.cacheHas("order:7")).isFalse();
            assertThat(a.cacheGet("order:7")).isEqualTo(JsonValue.NULL);

            // circuit: failures counted by one node, the open state seen by the other
            long before = System.currentTimeMillis();
            assertThat(a.getState("payments")).isNull();
            assertThat(a.recordFailure("payments", 2)).isEqualTo(1);
            assertThat(b.recordFailure("payments", 2)).isEqualTo(2);
            JsonObject open = a.getState("payments");
            assertThat(open.getString("state")).isEqualTo("open");
            assertThat(open.getInt("failureCount")).isEqualTo(2);
            // DATETIME keeps whole seconds; with timezone 'Z' it reads back as the UTC instant written
            assertThat(open.getJsonNumber("lastFailureTime").longValue())
                    .isBetween(before - 1_000, System.currentTimeMillis());
            assertThat(open.containsKey("lastSuccessTime")).isFalse();
            b.recordSuccess("payments");
            JsonObject closed = a.getState("payments");
            assertThat(closed.getString("state")).isEqualTo("closed");
            assertThat(closed.getInt("failureCount")).isZero();

            // checkpoints: saved by one node, resumed by the other
            for (int sequence = 1; sequence <= 3; sequence++) {
                a.saveCheckpoint(Json.createObjectBuilder().add("id", "report-" + sequence).add("taskId", "report")
                        .add("sequence", sequence).add("timestamp", 1_700_000_000_000L + sequence)
                        .add("progress", sequence * 30).add("data", Json.createObjectBuilder().add("page", sequence)
                                .add("ids", Json.createArrayBuilder().add(sequence).add(sequence + 1)))
                        .build());
            }
            JsonObject latest = b.loadLatest("report");
            assertThat(latest.getString("id")).isEqualTo("report-3");
            assertThat(latest.getInt("sequence")).isEqualTo(3);
            assertThat(latest.getJsonNumber("timestamp").longValue()).isEqualTo(1_700_000_000_003L);
            assertThat(latest.getInt("progress")).isEqualTo(90);
            assertThat(latest.getJsonObject("data")).isEqualTo(Json.createObjectBuilder().add("page", 3)
                    .add("ids", Json.createArrayBuilder().add(3).add(4)).build());
            assertThat(b.loadCheckpoint("report-1").getJsonObject("data").getInt("page")).isEqualTo(1);
            assertThat(b.loadCheckpoint("nope")).isNull();
            assertThat(b.listCheckpoints("report")).extracting(c -> c.getString("id"))
                    .containsExactly("report-1", "report-2", "report-3");
            b.cleanup("report", 2);
            assertThat(a.listCheckpoints("report")).extracting(c -> c.getString("id"))
                    .containsExactly("report-2", "report-3");
            a.deleteAll("report");
            assertThat(b.loadLatest("report")).isNull();

            // a failing request is a NodeError with Node's message; the peer keeps answering
            assertThatThrownBy(() -> a.call("nonsense", java.util.Map.of()))
                    .isInstanceOf(NodePeer.NodeError.class).hasMessageContaining("unknown op");
            assertThat(a.cacheGet("count")).isEqualTo(Json.createValue(42));
        }
        System.out.printf("MariaDB smoke (2 peers started, used, closed): %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void twoNodeNodesShareLocksCacheAndCircuitsOnTheMongoStandIn() {
        long start = System.nanoTime();
        MongoServer server = MongoStandIn.newServer();
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/?directConnection=true";
        try (NodePeer a = NodePeer.mongodb(uri, "interop", "smoke:");
                NodePeer b = NodePeer.mongodb(uri, "interop", "smoke:");
                MongoClient java = MongoClients.create(uri)) {
            MongoDatabase db = java.getDatabase("interop");
            a.connect();
            b.connect();
            // the adapter's indexes, as the stand-in keeps them
            assertThat(MongoIndexes.of(db, "go_goscope_locks")).contains("key_1 unique", "expiresAt_1 ttl 0");
            assertThat(MongoIndexes.of(db, "go_goscope_cache")).contains("key_1 unique", "expiresAt_1 ttl 0");
            assertThat(MongoIndexes.of(db, "go_goscope_circuit")).contains("key_1 unique");
            assertThat(MongoIndexes.of(db, "go_goscope_checkpoints")).contains("taskId_1_sequence_1 unique", "taskId_1");

            assertThat(a.acquire("job", 30_000)).isTrue();
            assertThat(b.acquire("job", 30_000)).isFalse(); // the unique index refuses the second insert
            assertThat(db.getCollection("go_goscope_locks").find().first().getString("key")).isEqualTo("smoke:lock:job");
            assertThat(a.isValid("job")).isTrue();
            assertThat(a.extend("job", 60_000)).isTrue();
            assertThat(a.release("job")).isTrue();
            assertThat(b.acquire("job", 30_000)).isTrue();
            assertThat(a.acquire("job", 30_000)).isFalse();
            assertThat(b.release("job")).isTrue();
            assertThat(db.getCollection("go_goscope_locks").countDocuments()).isZero();

            JsonObject order = Json.createObjectBuilder().add("id", 7).add("lines", Json.createArrayBuilder()
                    .add("a").add(2.5).addNull().add(true)).build();
            a.cacheSet("order:7", order, null);
            a.cacheSet("greeting", Json.createValue("hello"), 60_000L);
            assertThat(b.cacheGet("order:7")).isEqualTo(order);
            assertThat(b.cacheGet("greeting")).isEqualTo(Json.createValue("hello"));
            assertThat(b.cacheGet("absent")).isEqualTo(JsonValue.NULL);
            assertThat(b.cacheHas("greeting")).isTrue();
            assertThat(b.cacheKeys(null)).containsExactly("greeting", "order:7");
            assertThat(b.cacheKeys("order:*")).containsExactly("order:7");
            b.cacheDelete("order:7");
            assertThat(a.cacheGet("order:7")).isEqualTo(JsonValue.NULL);

            assertThat(a.getState("payments")).isNull();
            assertThat(a.recordFailure("payments", 2)).isEqualTo(1);
            assertThat(b.recordFailure("payments", 2)).isEqualTo(2);
            JsonObject open = a.getState("payments");
            assertThat(open.getString("state")).isEqualTo("open");
            assertThat(open.getInt("failureCount")).isEqualTo(2);
            b.recordSuccess("payments");
            assertThat(a.getState("payments").getString("state")).isEqualTo("closed");

            // the MongoDB adapter has no checkpoint store
            assertThatThrownBy(() -> a.loadLatest("report")).isInstanceOf(NodePeer.NodeError.class)
                    .hasMessageContaining("unsupported");
        } finally {
            server.shutdownNow();
        }
        System.out.printf("Mongo stand-in smoke (2 peers started, used, closed): %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
    }

    private static List<String> tables() throws SQLException {
        return column("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + DATABASE
                + "' ORDER BY table_name");
    }

    private static List<String> column(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(MARIADB + DATABASE, "root", "");
                Statement s = c.createStatement(); ResultSet rows = s.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(MARIADB, "root", ""); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
