package org.gogoscope.mongodb;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.gogoscope.core.KeyPattern;

/**
 * The six collections and their indexes, exactly as go-go-scope's Node adapters create them (the seed's
 * "Collections and Indexes"): locks, breaker states, cache entries and idempotency records carry their key in a
 * {@code key} field with a unique index {@code key_1}; locks, cache and idempotency a TTL index
 * {@code expiresAt_1} with {@code expireAfterSeconds: 0} (breaker states too, which Node does not index so:
 * creating it beside Node's indexes is harmless, Node never writes the field); checkpoints a unique {@code taskId_1_sequence_1} and
 * {@code taskId_1}. Same key patterns, options and (default) names, so creating them is a no-op for whichever
 * side connects second. Versioned breaker records, which Node does not have, are keyed by {@code _id}.
 * {@link #create()} is idempotent, so several nodes may run it at once.
 */
final class MongoSchema {

    static final String LOCKS = "go_goscope_locks";
    static final String CIRCUIT = "go_goscope_circuit";
    static final String CIRCUIT_RECORDS = "go_goscope_circuit_records";
    static final String CACHE = "go_goscope_cache";
    static final String CHECKPOINTS = "go_goscope_checkpoints";
    static final String IDEMPOTENCY = "go_goscope_idempotency";

    /** The field that holds a record's key, as in go-go-scope's Node adapters. */
    static final String KEY = "key";

    /**
     * The update part every upsert of a keyed document carries: a document this library inserts has its key as
     * {@code _id} too (Node's have generated ids). Two inserts of one key then collide on {@code _id}, which every
     * server, and the stand-in, enforces atomically with the insert, besides the unique {@code key_1} index that
     * also stops a Node insert.
     */
    static Bson idOnInsert(String key) {
        return Updates.setOnInsert("_id", key);
    }

    /**
     * The filter of a listing's page: {@code field} matches the pattern's anchored regular expression (which the
     * server reads as the index range of the pattern's literal head, its escapes made by {@link KeyPattern}) and,
     * after the first page ({@code cursor} null), is above the last key the previous page read. Sorted on
     * {@code field} and limited, a page is one bounded scan of that field's index.
     */
    static Bson page(String field, KeyPattern pattern, String cursor) {
        Bson matching = Filters.regex(field, pattern.toRegex());
        return cursor == null ? matching : Filters.and(Filters.gt(field, cursor), matching);
    }

    /** The server's error code for creating a collection that exists (since 7.0 only for differing options). */
    private static final int NAMESPACE_EXISTS = 48;

    private final MongoDatabase database;

    MongoSchema(MongoDatabase database) {
        this.database = database;
    }

    MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    void create() {
        for (String keyed : new String[] {LOCKS, CIRCUIT, CACHE, IDEMPOTENCY}) {
            collection(keyed).createIndex(Indexes.ascending(KEY), new IndexOptions().unique(true));
        }
        ttlIndex(LOCKS);
        ttlIndex(CIRCUIT); // this library's addition: only breakers in the initial state carry expiresAt
        ttlIndex(CACHE);
        ttlIndex(IDEMPOTENCY);
        MongoCollection<Document> checkpoints = collection(CHECKPOINTS);
        checkpoints.createIndex(Indexes.ascending(MongoCheckpointStorage.TASK_ID, MongoCheckpointStorage.SEQUENCE),
                new IndexOptions().unique(true));
        checkpoints.createIndex(Indexes.ascending(MongoCheckpointStorage.TASK_ID));
        ensureExists(CIRCUIT_RECORDS);
    }

    /**
     * Creates collection {@code name} unless it exists. The circuit-record read aggregates over its collection
     * and needs one result document even when nothing matches; for a collection that does not exist, MongoDB
     * does not promise to run the pipeline at all (a router may answer an empty cursor for an unknown namespace).
     * Checked first, so that connecting normally sends no failing command.
     */
    private void ensureExists(String name) {
        if (database.listCollectionNames().filter(Filters.eq("name", name)).first() != null) {
            return;
        }
        try {
            database.createCollection(name);
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != NAMESPACE_EXISTS) { // another node created it meanwhile: fine
                throw e;
            }
        }
    }

    private void ttlIndex(String name) {
        collection(name).createIndex(Indexes.ascending(Expiry.EXPIRES_AT),
                new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }
}
