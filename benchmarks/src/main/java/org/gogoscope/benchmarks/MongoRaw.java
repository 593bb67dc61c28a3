package org.gogoscope.benchmarks;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

/**
 * The raw floor on MongoDB: one command per step through the same sync driver, majority write and read concern
 * like the adapter, on collections {@code gogobench_raw_*}. Acquire and claim are an upsert filtered on
 * "expired", where a live record of someone else shows as duplicate key 11000, as in the adapter.
 */
final class MongoRaw implements Raw {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final ReplaceOptions REPLACE_UPSERT = new ReplaceOptions().upsert(true);

    private final MongoClient client;
    private final MongoCollection<Document> locks;
    private final MongoCollection<Document> cache;
    private final MongoCollection<Document> circuits;
    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> idempotency;

    MongoRaw() {
        client = client();
        MongoDatabase db = database(client);
        locks = db.getCollection("gogobench_raw_locks");
        cache = db.getCollection("gogobench_raw_cache");
        circuits = db.getCollection("gogobench_raw_circuit");
        checkpoints = db.getCollection("gogobench_raw_cp");
        checkpoints.createIndex(Indexes.ascending("taskId", "seq"), new IndexOptions().unique(true));
        idempotency = db.getCollection("gogobench_raw_idem");
    }

    static MongoClient client() {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(Servers.mongoUri()))
                .writeConcern(WriteConcern.MAJORITY).readConcern(ReadConcern.MAJORITY).build());
    }

    static MongoDatabase database(MongoClient client) {
        return client.getDatabase(Servers.MONGO_DATABASE).withWriteConcern(WriteConcern.MAJORITY)
                .withReadConcern(ReadConcern.MAJORITY);
    }

    @Override
    public boolean lockAcquire(String key, String owner, long ttlMillis) {
        long now = System.currentTimeMillis();
        return upsertUnlessLive(locks, key, now, combine(set("owner", owner), set("expiresAt", now + ttlMillis)));
    }

    @Override
    public void lockRelease(String key, String owner) {
        locks.updateOne(and(eq("_id", key), eq("owner", owner)), set("expiresAt", 0L));
    }

    @Override
    public String cacheGet(String key) {
        Document d = cache.find(and(eq("_id", key), gt("expiresAt", System.currentTimeMillis()))).first();
        return d == null ? null : d.getString("v");
    }

    @Override
    public void cacheSet(String key, String json, long ttlMillis) {
        cache.replaceOne(eq("_id", key), new Document("v", json).append("expiresAt", System.currentTimeMillis() + ttlMillis),
                REPLACE_UPSERT);
    }

    @Override
    public void circuitRecord(String key) {
        circuits.updateOne(eq("_id", key), combine(inc("failures", 1), set("lastFailure", System.currentTimeMillis())), UPSERT);
    }

    @Override
    public Object circuitRead(String key) {
        return circuits.find(eq("_id", key)).first();
    }

    @Override
    public void checkpointSave(String id, String task, int sequence, String json) {
        checkpoints.replaceOne(eq("_id", id), new Document("taskId", task).append("seq", sequence)
                .append("ts", System.currentTimeMillis()).append("data", json), REPLACE_UPSERT);
    }

    @Override
    public Object checkpointLatest(String task) {
        return checkpoints.find(eq("taskId", task)).sort(Sorts.descending("seq")).limit(1).first();
    }

    @Override
    public boolean idempotencyClaim(String key, String token, long leaseMillis) {
        long now = System.currentTimeMillis();
        return upsertUnlessLive(idempotency, key, now, combine(set("status", "in_progress"), set("token", token),
                set("expiresAt", now + leaseMillis)));
    }

    @Override
    public boolean idempotencyComplete(String key, String token, String json, long ttlMillis) {
        return idempotency.updateOne(and(eq("_id", key), eq("token", token)), combine(set("status", "completed"),
                set("result", json), set("expiresAt", System.currentTimeMillis() + ttlMillis))).getModifiedCount() > 0;
    }

    @Override
    public String idempotencyReplay(String key) {
        Document d = idempotency.find(and(eq("_id", key), eq("status", "completed"),
                gt("expiresAt", System.currentTimeMillis()))).first();
        return d == null ? null : d.getString("result");
    }

    private static boolean upsertUnlessLive(MongoCollection<Document> collection, String key, long now,
            org.bson.conversions.Bson update) {
        try {
            collection.updateOne(and(eq("_id", key), lte("expiresAt", now)), update, UPSERT);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
