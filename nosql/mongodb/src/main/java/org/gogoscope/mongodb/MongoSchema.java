package org.gogoscope.mongodb;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.gogoscope.api.BackendException;
import org.gogoscope.core.KeyPattern;

/**
 * The six collections and their indexes, exactly as go-go-scope's Node adapters create them (the seed's
 * "Collections and Indexes"): locks, breaker states, cache entries and idempotency records carry their key in a
 * {@code key} field with a unique index {@code key_1}; locks, cache and idempotency a TTL index
 * {@code expiresAt_1} with {@code expireAfterSeconds: 0} (breaker states too, which Node does not index so:
 * creating it beside Node's indexes is harmless, Node never writes the field); checkpoints a unique {@code taskId_1_sequence_1} and
 * {@code taskId_1}. Same key patterns, options and (default) names, so creating them is a no-op for whichever
 * side connects second. Versioned breaker records, which Node does not have, are keyed by {@code _id}.
 * {@link #create()} is idempotent, so several nodes may run it at once; {@link #check()} is what runs instead when
 * the account may not create them.
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

    /** An index the statements need: on {@code collection}, keyed ascending by {@code fields}, in that order. */
    private record RequiredIndex(String collection, List<String> fields, boolean unique, boolean ttl) {

        /** MongoDB's default name for it ({@code key_1}, {@code taskId_1_sequence_1}), which {@link #create()} uses. */
        String name() {
            return fields.stream().map(f -> f + "_1").collect(Collectors.joining("_"));
        }

        /** How {@link #create()} makes it: unique, or a TTL index expiring documents at their {@code expiresAt}. */
        IndexOptions options() {
            IndexOptions options = new IndexOptions().unique(unique);
            return ttl ? options.expireAfter(0L, TimeUnit.SECONDS) : options;
        }

        /** {@code index} (one document of {@code listIndexes}) is this one, or at least as strict. */
        boolean matches(Document index) {
            Document key = index.get("key", Document.class);
            if (key == null || !new ArrayList<>(key.keySet()).equals(fields)) {
                return false;
            }
            for (Object direction : key.values()) {
                if (!(direction instanceof Number number) || number.doubleValue() != 1) {
                    return false;
                }
            }
            // a TTL index whatever its expireAfterSeconds: a DBA's longer one only keeps expired documents longer,
            // reads judge expiry themselves
            return (!unique || index.getBoolean("unique", false))
                    && (!ttl || index.get("expireAfterSeconds") instanceof Number);
        }

        @Override
        public String toString() {
            return "index " + name() + (unique ? " (unique)" : "") + (ttl ? " (TTL)" : "") + " on " + collection;
        }
    }

    /** What {@link #create()} makes and {@link #check()} looks for. */
    private static final List<RequiredIndex> INDEXES = List.of(
            new RequiredIndex(LOCKS, List.of(KEY), true, false),
            new RequiredIndex(LOCKS, List.of(Expiry.EXPIRES_AT), false, true),
            new RequiredIndex(CIRCUIT, List.of(KEY), true, false),
            // this library's addition: only breakers in the initial state carry expiresAt
            new RequiredIndex(CIRCUIT, List.of(Expiry.EXPIRES_AT), false, true),
            new RequiredIndex(CACHE, List.of(KEY), true, false),
            new RequiredIndex(CACHE, List.of(Expiry.EXPIRES_AT), false, true),
            new RequiredIndex(IDEMPOTENCY, List.of(KEY), true, false),
            new RequiredIndex(IDEMPOTENCY, List.of(Expiry.EXPIRES_AT), false, true),
            new RequiredIndex(CHECKPOINTS, List.of(MongoCheckpointStorage.TASK_ID, MongoCheckpointStorage.SEQUENCE),
                    true, false),
            new RequiredIndex(CHECKPOINTS, List.of(MongoCheckpointStorage.TASK_ID), false, false));

    private static final List<String> COLLECTIONS = List.of(LOCKS, CIRCUIT, CIRCUIT_RECORDS, CACHE, CHECKPOINTS,
            IDEMPOTENCY);

    /**
     * With {@code mongodb.create-indexes=false}: checks, creating nothing, that the six collections and the indexes
     * {@link #create()} would make exist (one {@code listCollections}, one {@code listIndexes} per collection), and
     * fails with a {@link BackendException} naming every one missing. The unique {@code key} indexes keep a Node
     * adapter's insert from duplicating a key, the TTL indexes bound the collections, the checkpoint ones keep one
     * checkpoint per task and sequence: none is optional. An index is accepted under any name if its key pattern
     * and options match.
     */
    void check() {
        Set<String> present = new HashSet<>();
        database.listCollectionNames().forEach(present::add);
        List<String> problems = new ArrayList<>();
        for (String name : COLLECTIONS) {
            if (!present.contains(name)) {
                problems.add("collection " + name + " is missing");
            }
        }
        Map<String, List<Document>> indexes = new HashMap<>();
        for (RequiredIndex required : INDEXES) {
            if (!present.contains(required.collection())) {
                continue;
            }
            List<Document> listed = indexes.computeIfAbsent(required.collection(),
                    name -> collection(name).listIndexes().into(new ArrayList<>()));
            if (listed.stream().noneMatch(required::matches)) {
                problems.add(required + " is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new BackendException("mongodb", "connect", "the MongoDB database " + database.getName()
                    + " is not usable with mongodb.create-indexes=false: " + String.join("; ", problems)
                    + " (the indexes and the roles: mongodb README, \"Privileges\")", null);
        }
    }

    void create() {
        for (RequiredIndex index : INDEXES) {
            collection(index.collection()).createIndex(Indexes.ascending(index.fields()), index.options());
        }
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
}
