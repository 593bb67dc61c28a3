package org.gogoscope.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.Document;
import org.gogoscope.api.LockHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What lands in the collections: real BSON values, the seed's indexes, and tokens that outlive documents. */
class MongoStoredDocumentsTest {

    private final String prefix = "sd" + System.nanoTime() + ":";
    private MongoClient raw;
    private MongoDatabase database;
    private final List<MongoAdapter> adapters = new ArrayList<>();

    @BeforeEach
    void open() {
        raw = MongoClients.create(InProcessMongo.uri());
        database = raw.getDatabase("test");
    }

    @AfterEach
    void close() {
        adapters.forEach(MongoAdapter::disconnect);
        raw.close();
    }

    private MongoAdapter node(MongoConfig config) {
        MongoAdapter adapter = new MongoAdapter(config, prefix);
        adapters.add(adapter);
        adapter.connect();
        return adapter;
    }

    /**
     * A breaker closed without failures carries {@code expiresAt} (a day ahead) for the TTL index on the breaker
     * states; a failure, or an open state, removes it, so the TTL monitor forgets only breakers in the initial state.
     */
    @Test
    void onlyBreakersInTheInitialStateCarryAnExpiry() {
        MongoAdapter node = node(InProcessMongo.config());
        var circuits = node.circuitBreakers();
        long day = org.gogoscope.api.CircuitBreakerStateProvider.CLOSED_STATE_RETENTION.toMillis();
        circuits.recordFailure("b", 5);
        assertThat(expiresAt(prefix + "circuit:b")).as("failing").isNull();
        circuits.recordSuccess("b");
        assertThat(expiresAt(prefix + "circuit:b")).as("closed without failures").isNotNull()
                .isBetween(new Date(System.currentTimeMillis() + day - 60_000), new Date(System.currentTimeMillis() + day));
        circuits.recordFailure("b", 5);
        assertThat(expiresAt(prefix + "circuit:b")).as("failing again").isNull();
        circuits.setState("b", org.gogoscope.api.CircuitBreakerState.initial());
        assertThat(expiresAt(prefix + "circuit:b")).as("reset to the initial state").isNotNull();
        circuits.setState("b", new org.gogoscope.api.CircuitBreakerState(org.gogoscope.api.CircuitState.OPEN, 3,
                new Date().toInstant(), null));
        assertThat(expiresAt(prefix + "circuit:b")).as("forced open").isNull();
        List<Document> ttl = new ArrayList<>();
        database.getCollection(MongoSchema.CIRCUIT).listIndexes().into(new ArrayList<>()).stream()
                .filter(index -> index.get("expireAfterSeconds") != null).forEach(ttl::add);
        assertThat(ttl).as("TTL index on the breaker states").singleElement()
                .satisfies(index -> assertThat(index.get("key", Document.class)).containsKey(Expiry.EXPIRES_AT));
    }

    private Date expiresAt(String key) {
        return database.getCollection(MongoSchema.CIRCUIT).find(Filters.eq(MongoSchema.KEY, key)).first()
                .getDate(Expiry.EXPIRES_AT);
    }

    @Test
    void valuesAreStoredAsBsonDocumentsWithTypedNumbers() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("small", 7);
        value.put("large", 12_345_678_901L);
        value.put("fraction", 2.5);
        value.put("list", List.of("a", true));
        node(InProcessMongo.config()).cache().set("doc", value);

        BsonDocument stored = database.getCollection(MongoSchema.CACHE, BsonDocument.class)
                .find(Filters.eq(MongoSchema.KEY, prefix + "cache:doc")).first();
        BsonDocument bson = stored.getDocument(MongoCacheStorage.VALUE);
        assertThat(bson.get("small").getBsonType()).isEqualTo(BsonType.INT32);
        assertThat(bson.get("large").getBsonType()).isEqualTo(BsonType.INT64);
        assertThat(bson.get("fraction").getBsonType()).isEqualTo(BsonType.DOUBLE);
        assertThat(bson.getArray("list").get(1).asBoolean().getValue()).isTrue();
        assertThat(stored.get(Expiry.TTL_MILLIS)).as("no expiry").isNull();
    }

    @Test
    void numbersBeyondDoubleAndExtendedJsonLookalikeKeysRoundTripExactly() {
        MongoAdapter node = node(InProcessMongo.config());
        BigDecimal precise = new BigDecimal("0.1000000000000000000000000001");
        BigInteger huge = new BigInteger("123456789012345678901234567890");
        node.cache().set("precise", precise);
        node.cache().set("huge", huge);
        node.cache().set("lookalike", Map.of("$date", 5, "a.b", "dotted"));
        assertThat(node.cache().get("precise", BigDecimal.class)).contains(precise);
        assertThat(node.cache().get("huge", BigInteger.class)).contains(huge);
        assertThat(node.cache().get("lookalike", Map.class).orElseThrow())
                .containsEntry("a.b", "dotted").containsKey("$date");
        BsonDocument stored = database.getCollection(MongoSchema.CACHE, BsonDocument.class)
                .find(Filters.eq(MongoSchema.KEY, prefix + "cache:precise")).first();
        assertThat(stored.get(MongoCacheStorage.VALUE).getBsonType()).isEqualTo(BsonType.DECIMAL128);
    }

    @Test
    void aCircuitRecordIsAStringAndAnInt64VersionBesideTheBreakersDocument() {
        MongoAdapter node = node(InProcessMongo.config());
        String data = "{\"calls\":[1,0,1],\"$date\":\"kept as text\"}";
        assertThat(node.circuitBreakers().compareAndSetRecord("svc", 0, data)).isTrue();
        assertThat(node.circuitBreakers().compareAndSetRecord("svc", 1, data)).isTrue();
        node.circuitBreakers().recordFailure("svc", 5);

        BsonDocument stored = database.getCollection(MongoSchema.CIRCUIT_RECORDS, BsonDocument.class)
                .find(Filters.eq("_id", prefix + "circuit:svc")).first();
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", MongoCircuitStorage.DATA,
                MongoCircuitStorage.VERSION);
        assertThat(stored.getString(MongoCircuitStorage.DATA).getValue()).isEqualTo(data);
        assertThat(stored.get(MongoCircuitStorage.VERSION).getBsonType()).isEqualTo(BsonType.INT64);
        assertThat(stored.getInt64(MongoCircuitStorage.VERSION).getValue()).isEqualTo(2);
        BsonDocument state = database.getCollection(MongoSchema.CIRCUIT, BsonDocument.class)
                .find(Filters.eq(MongoSchema.KEY, prefix + "circuit:svc")).first();
        assertThat(state).doesNotContainKey(MongoCircuitStorage.DATA);
        assertThat(state.getString(MongoCircuitStorage.STATE).getValue()).as("Node's spelling").isEqualTo("closed");
    }

    @Test
    void theRecordCollectionExistsAfterConnectSoTheFirstReadHasAResult() {
        node(InProcessMongo.config());
        assertThat(database.listCollectionNames()).contains(MongoSchema.CIRCUIT_RECORDS);
    }

    @Test
    void theSeedsIndexesExist() {
        node(InProcessMongo.config());
        for (String ttl : List.of(MongoSchema.LOCKS, MongoSchema.CACHE, MongoSchema.IDEMPOTENCY)) {
            assertThat(database.getCollection(ttl).listIndexes().into(new ArrayList<>()))
                    .as("TTL index of %s", ttl)
                    .anySatisfy(index -> {
                        assertThat(index.get("key", Document.class)).isEqualTo(new Document(Expiry.EXPIRES_AT, 1));
                        assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isZero();
                        assertThat(index.getString("name")).isEqualTo("expiresAt_1");
                    });
        }
        for (String keyed : List.of(MongoSchema.LOCKS, MongoSchema.CIRCUIT, MongoSchema.CACHE, MongoSchema.IDEMPOTENCY)) {
            assertThat(database.getCollection(keyed).listIndexes().into(new ArrayList<>()))
                    .as("unique key index of %s, named as the Node adapter's", keyed)
                    .anySatisfy(index -> {
                        assertThat(index.get("key", Document.class)).isEqualTo(new Document(MongoSchema.KEY, 1));
                        assertThat(index.getBoolean("unique")).isTrue();
                        assertThat(index.getString("name")).isEqualTo("key_1");
                    });
        }
        assertThat(database.getCollection(MongoSchema.CHECKPOINTS).listIndexes().into(new ArrayList<>()))
                .anySatisfy(index -> {
                    assertThat(index.get("key", Document.class))
                            .isEqualTo(new Document("taskId", 1).append("sequence", 1));
                    assertThat(index.getBoolean("unique")).isTrue();
                })
                .anySatisfy(index -> assertThat(index.get("key", Document.class)).isEqualTo(new Document("taskId", 1)));
    }

    @Test
    void expiresAtIsTheRealExpiryByDefaultAsNodeReadsIt() {
        MongoAdapter node = node(InProcessMongo.config());
        long before = System.currentTimeMillis();
        node.locks().acquire("k", Duration.ofSeconds(30), "alice").orElseThrow();
        node.cache().set("c", "v", Duration.ofSeconds(30));
        long after = System.currentTimeMillis();
        for (Document stored : List.of(
                database.getCollection(MongoSchema.LOCKS).find(Filters.eq(MongoSchema.KEY, prefix + "lock:k")).first(),
                database.getCollection(MongoSchema.CACHE).find(Filters.eq(MongoSchema.KEY, prefix + "cache:c")).first())) {
            assertThat(stored.getDate(Expiry.EXPIRES_AT).getTime()).as("%s", stored)
                    .isBetween(before + 30_000, after + 30_000);
            assertThat(stored.get("_id")).as("our inserts collide on _id too").isEqualTo(stored.get(MongoSchema.KEY));
        }
    }

    @Test
    void aLockDocumentANodeServiceCreatedGetsAnEpochAtOurFirstGrantAndTokensGrow() {
        MongoAdapter node = node(InProcessMongo.config());
        database.getCollection(MongoSchema.LOCKS).insertOne(new Document(MongoSchema.KEY, prefix + "lock:node")
                .append(MongoLockStorage.OWNER, "1733-node").append(Expiry.EXPIRES_AT,
                        new Date(System.currentTimeMillis() - 1000))); // as Node writes it, expired
        long first = node.locks().acquire("node", Duration.ofSeconds(30), "alice").orElseThrow().fencingToken();
        assertThat(first).isGreaterThan(MongoLockStorage.GRANTS_PER_EPOCH_MILLI);
        node.locks().forceRelease("node");
        assertThat(node.locks().acquire("node", Duration.ofSeconds(30), "bob").orElseThrow().fencingToken())
                .isGreaterThan(first);
    }

    @Test
    void aReleasedLockKeepsItsDocumentAndAnExpiredOneDoesNotBlock() {
        MongoAdapter node = node(InProcessMongo.config().withGcGrace(Duration.ofHours(1)));
        LockHandle first = node.locks().acquire("k", Duration.ofSeconds(30), "alice").orElseThrow();
        assertThat(first.release()).isTrue();
        Document stored = database.getCollection(MongoSchema.LOCKS)
                .find(Filters.eq(MongoSchema.KEY, prefix + "lock:k")).first();
        assertThat(stored).as("release keeps the fencing counter").isNotNull();
        assertThat(stored.get(MongoLockStorage.OWNER)).isNull();
        assertThat(stored.getDate(Expiry.EXPIRES_AT)).as("GC only after the grace")
                .isAfter(new Date(System.currentTimeMillis() + Duration.ofMinutes(59).toMillis()));
        assertThat(simulateTtlMonitor()).isZero();
        assertThat(node.locks().acquire("k", Duration.ofSeconds(30), "bob").orElseThrow().fencingToken())
                .isGreaterThan(first.fencingToken());
    }

    @Test
    void tokensKeepIncreasingAfterTheTtlMonitorDeletesTheDocument() throws InterruptedException {
        MongoAdapter node = node(InProcessMongo.config().withGcGrace(Duration.ZERO));
        long token = 0;
        for (int round = 0; round < 3; round++) {
            LockHandle handle = node.locks().acquire("k", Duration.ofMillis(20), "owner" + round).orElseThrow();
            assertThat(handle.fencingToken()).isGreaterThan(token);
            token = handle.fencingToken();
            Thread.sleep(60);
            assertThat(simulateTtlMonitor()).as("round %d: the monitor removed the expired lock", round).isOne();
        }
    }

    /** What MongoDB's TTL monitor does to this test's locks (mongo-java-server has none). */
    private long simulateTtlMonitor() {
        return database.getCollection(MongoSchema.LOCKS).deleteMany(Filters.and(
                Filters.regex(MongoSchema.KEY, "^" + java.util.regex.Pattern.quote(prefix)),
                Filters.lte(Expiry.EXPIRES_AT, new Date()))).getDeletedCount();
    }
}
