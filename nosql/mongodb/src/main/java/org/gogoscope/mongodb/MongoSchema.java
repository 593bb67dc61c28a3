package org.gogoscope.mongodb;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The five collections and their indexes. Keys are the documents' {@code _id} (unique by nature); the TTL
 * indexes on {@code expiresAt} have {@code expireAfterSeconds: 0} and only collect garbage.
 * {@link #create()} is idempotent, so several nodes may run it at once.
 */
final class MongoSchema {

    static final String LOCKS = "go_goscope_locks";
    static final String CIRCUIT = "go_goscope_circuit";
    static final String CACHE = "go_goscope_cache";
    static final String CHECKPOINTS = "go_goscope_checkpoints";
    static final String IDEMPOTENCY = "go_goscope_idempotency";

    private final MongoDatabase database;

    MongoSchema(MongoDatabase database) {
        this.database = database;
    }

    MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    void create() {
        ttlIndex(LOCKS);
        ttlIndex(CACHE);
        ttlIndex(IDEMPOTENCY);
        MongoCollection<Document> checkpoints = collection(CHECKPOINTS);
        checkpoints.createIndex(Indexes.ascending(MongoCheckpointStorage.TASK_ID, MongoCheckpointStorage.SEQUENCE),
                new IndexOptions().unique(true).name("taskId_sequence_unique"));
        checkpoints.createIndex(Indexes.ascending(MongoCheckpointStorage.TASK_ID),
                new IndexOptions().name("taskId"));
        collection(CIRCUIT); // keyed by _id only; created by its first write
    }

    private void ttlIndex(String name) {
        collection(name).createIndex(Indexes.ascending(Expiry.EXPIRES_AT),
                new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expiresAt_ttl"));
    }
}
