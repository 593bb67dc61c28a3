package org.gogoscope.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.mongodb.MongoAdapter;
import org.gogoscope.mongodb.MongoConfig;
import org.gogoscope.mongodb.standin.MongoStandIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Java node and a Node node (go-go-scope 2.9.1's {@code @go-go-scope/persistence-mongodb}, the mongodb 6 driver)
 * with the same key prefix on the MongoDB stand-in, reached by both over TCP: the seed's collections and indexes
 * whoever connects first (Java first: with documents already in them), and locks, cache and breaker state shared
 * ({@link SideBySide}). The Node MongoDB adapter has no checkpoints.
 *
 * <p>The Node adapter's acquire is an insert against the unique key index, so it takes over a lock whose TTL ran
 * out, or that Java released, only once MongoDB's TTL monitor has removed the document. The stand-in has no
 * monitor: the test removes what the monitor would ({@code expiresAt <= now}, the index's rule), which also proves
 * that {@code expiresAt} is the real expiry.
 */
class SideBySideMongoTest {

    private static final String PREFIX = "orders:";
    private static final String DATABASE = "side";

    @BeforeAll
    static void installNodeAdapters() {
        NodePeer.install();
    }

    @ParameterizedTest(name = "Node connects first: {0}")
    @ValueSource(booleans = {true, false})
    void aJavaAndANodeServiceShareLocksCacheAndBreakers(boolean nodeFirst) throws Exception {
        MongoServer server = MongoStandIn.newServer();
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/?directConnection=true";
        PersistenceAdapter java = new MongoAdapter(MongoConfig.of(uri, DATABASE), PREFIX);
        try (NodePeer node = NodePeer.mongodb(uri, DATABASE, PREFIX); MongoClient raw = MongoClients.create(uri)) {
            MongoDatabase db = raw.getDatabase(DATABASE);
            if (nodeFirst) {
                node.connect();
                java.connect();
            } else {
                java.connect();
                java.locks().acquire("before-node", SideBySide.LONG, "java").orElseThrow();
                java.cache().set("before-node", 1);
                java.circuitBreakers().recordFailure("before-node", 5);
                node.connect(); // its createIndex calls meet Java's indexes and documents: nothing to do, no error
                assertThat(node.acquire("before-node", SideBySide.LONG.toMillis())).isFalse();
                assertThat(node.cacheGet("before-node")).isEqualTo(jakarta.json.Json.createValue(1));
                assertThat(node.getState("before-node").getInt("failureCount")).isEqualTo(1);
                java.locks().forceRelease("before-node");
                java.cache().delete("before-node");
            }
            for (String keyed : List.of("go_goscope_locks", "go_goscope_circuit", "go_goscope_cache")) {
                assertThat(MongoIndexes.of(db, keyed)).as(keyed).contains("key_1 unique");
            }
            assertThat(MongoIndexes.of(db, "go_goscope_locks")).contains("expiresAt_1 ttl 0");
            assertThat(MongoIndexes.of(db, "go_goscope_cache")).contains("expiresAt_1 ttl 0");
            assertThat(MongoIndexes.of(db, "go_goscope_checkpoints")).contains("taskId_1_sequence_1 unique", "taskId_1");

            SideBySide both = new SideBySide(java, node, (peer, key) -> {
                assertThat(peer.acquire(key, SideBySide.LONG.toMillis())).as("the document is still there").isFalse();
                assertThat(ttlMonitor(db)).as("expiresAt was the real expiry: the monitor removes it").isPositive();
                return peer.acquire(key, SideBySide.LONG.toMillis());
            });
            LockHandle held = both.locksHeldByEitherAreRefusedToTheOther();
            assertThat(db.getCollection("go_goscope_locks").find(Filters.eq("key", "orders:lock:job")).first())
                    .as("one document per lock, in go-go-scope's layout").isNotNull();
            assertThat(held.release()).isTrue();
            assertThat(ttlMonitor(db)).as("released: expiresAt is now").isPositive();
            assertThat(node.acquire("job", SideBySide.LONG.toMillis())).as("released by Java: free to Node").isTrue();
            node.forceRelease("job");
            LockHandle again = java.locks().acquire("job", SideBySide.LONG, "java").orElseThrow();
            assertThat(again.fencingToken()).as("a new document still gives a greater token")
                    .isGreaterThan(held.fencingToken());

            both.cacheEntriesAreSharedBothWays();
            both.breakerStateAndCountsAreShared();
            both.cacheTtlsStart();
            both.lockTtlsAndExtendsAreHonouredBothWays();
            both.cacheTtlsHaveRunOut();
        } finally {
            java.disconnect();
            server.shutdownNow();
        }
    }

    /** What MongoDB's TTL monitor does to the lock collection; the stand-in has none. */
    private static long ttlMonitor(MongoDatabase db) {
        return db.getCollection("go_goscope_locks").deleteMany(Filters.lte("expiresAt", new Date())).getDeletedCount();
    }
}
