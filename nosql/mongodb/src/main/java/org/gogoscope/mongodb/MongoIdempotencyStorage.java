package org.gogoscope.mongodb;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.IdempotencyStorage;
import org.gogoscope.core.storage.StoredClaim;
import org.gogoscope.core.storage.StoredInProgressClaim;
import org.gogoscope.core.storage.StoredPage;

/**
 * Idempotency records in {@code go_goscope_idempotency}. In progress:
 * {@code {key, token, fingerprint, touchedAt, ttlMillis (the lease), expiresAt}}; completed: the same
 * without {@code token} and with {@code result} as real BSON.
 */
final class MongoIdempotencyStorage implements IdempotencyStorage {

    static final String TOKEN = "token";
    static final String FINGERPRINT = "fingerprint";
    static final String RESULT = "result";
    private static final String REMAINING = "remaining";
    /** A claim that meets an expiring record retries; more attempts than this means the server misbehaves. */
    private static final int MAX_CLAIM_ATTEMPTS = 10;

    private static final FindOneAndUpdateOptions UPSERT = new FindOneAndUpdateOptions().upsert(true)
            .projection(Projections.include(MongoSchema.KEY));

    private final MongoCollection<BsonDocument> records;
    private final Expiry expiry;

    MongoIdempotencyStorage(MongoCollection<Document> records, Expiry expiry) {
        this.records = records.withDocumentClass(BsonDocument.class);
        this.expiry = expiry;
    }

    /**
     * First a plain {@code find} of the live record: when there is one (a replay of a completed call, or a call
     * still in progress), that read is the answer, one round trip and no write (it is what the atomic claim would
     * have returned at the moment of the read). Otherwise one {@code findAndModify} with upsert whose filter
     * matches only an expired record: it replaces that record or inserts a new one. A duplicate key means a live
     * record appeared in between; one more read returns it. If that record expired in the meantime, the claim
     * starts over. A first claim costs 2 round trips instead of 1; a replay 1 instead of 2 (a write attempt that
     * fails with a duplicate key, then the read).
     */
    @Override
    public StoredClaim claim(String key, String token, String fingerprint, long leaseMillis) {
        BsonDocument existing = records.find(liveKey(key)).first();
        if (existing != null) {
            return held(existing);
        }
        Bson claim = Updates.combine(Updates.set(TOKEN, token), Updates.set(FINGERPRINT, fingerprint),
                Updates.unset(RESULT), expiry.start(leaseMillis), MongoSchema.idOnInsert(key));
        for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
            try {
                records.findOneAndUpdate(Filters.and(Filters.eq(MongoSchema.KEY, key), Expiry.expired()), claim, UPSERT);
                return new StoredClaim.Claimed();
            } catch (RuntimeException e) {
                if (!MongoErrors.isDuplicateKey(e)) {
                    throw e;
                }
            }
            BsonDocument live = records.find(liveKey(key)).first();
            if (live != null) {
                return held(live);
            }
        }
        throw new IllegalStateException("idempotency claim of " + key + " found neither a live nor a free record in "
                + MAX_CLAIM_ATTEMPTS + " attempts");
    }

    private static StoredClaim held(BsonDocument live) {
        BsonValue stored = live.get(FINGERPRINT);
        String fingerprint = stored == null || stored.isNull() ? null : stored.asString().getValue();
        if (live.containsKey(RESULT)) {
            return new StoredClaim.Completed(fingerprint, BsonJson.toJson(live.get(RESULT)));
        }
        return new StoredClaim.InProgress(fingerprint, Expiry.expiresAtMillis(live));
    }

    /** Completes an in-progress record under {@code token}, whether its lease ran out or not. */
    @Override
    public boolean complete(String key, String token, String resultJson, long ttlMillis) {
        BsonValue result = BsonJson.toBson(resultJson);
        Bson done = Updates.combine(Updates.unset(TOKEN), Updates.set(RESULT, result), expiry.start(ttlMillis));
        return records.updateOne(Filters.and(Filters.eq(MongoSchema.KEY, key), Filters.eq(TOKEN, token)), done)
                .getMatchedCount() == 1;
    }

    @Override
    public boolean release(String key, String token) {
        return records.deleteOne(Filters.and(Filters.eq(MongoSchema.KEY, key), Filters.eq(TOKEN, token))).getDeletedCount() == 1;
    }

    @Override
    public Optional<String> getResult(String key) {
        BsonDocument found = records.find(Filters.and(liveKey(key), Filters.exists(RESULT)))
                .projection(Projections.include(RESULT)).first();
        if (found == null) {
            return Optional.empty();
        }
        return Optional.of(BsonJson.toJson(found.get(RESULT)));
    }

    @Override
    public void putResult(String key, String resultJson, long ttlMillis) {
        BsonValue result = BsonJson.toBson(resultJson);
        records.updateOne(Filters.eq(MongoSchema.KEY, key), Updates.combine(Updates.unset(TOKEN), Updates.set(FINGERPRINT, null),
                Updates.set(RESULT, result), expiry.start(ttlMillis), MongoSchema.idOnInsert(key)),
                new UpdateOptions().upsert(true));
    }

    /**
     * Deletes a live record (one command); if there was none, also removes an expired leftover so that a late
     * {@link #complete} under its old token cannot bring it back.
     */
    @Override
    public boolean delete(String key) {
        if (records.deleteOne(liveKey(key)).getDeletedCount() == 1) {
            return true;
        }
        records.deleteOne(Filters.and(Filters.eq(MongoSchema.KEY, key), Expiry.expired()));
        return false;
    }

    /**
     * In key order: one {@code aggregate} reads at most {@code limit} records of any kind whose key matches the
     * pattern and is above the cursor ({@code $match}, {@code $sort} and {@code $limit} on the {@code key_1}
     * index), with the time left on the server's clock ({@code $$NOW}); the page keeps the live ones in progress.
     * Those are the records with a {@code token} (completing removes it): a short field to return, where
     * {@code result} may be large, and telling a missing {@code result} from a JSON null one on the server takes
     * {@code $type}, which the stand-in lacks. No filter on the kind or the expiry, which no index serves: a page
     * reads a bounded number of records however many completed or expired ones surround the claims. The cursor
     * is the last key read when the read was full.
     */
    @Override
    public StoredPage<StoredInProgressClaim> listInProgress(KeyPattern pattern, String cursor, int limit) {
        List<BsonDocument> read = records.aggregate(List.of(
                Aggregates.match(MongoSchema.page(MongoSchema.KEY, pattern, cursor)),
                Aggregates.sort(Sorts.ascending(MongoSchema.KEY)), Aggregates.limit(limit),
                Aggregates.project(Projections.fields(Projections.include(MongoSchema.KEY, TOKEN),
                        Projections.computed(REMAINING, Expiry.remaining()))))).into(new ArrayList<>());
        List<StoredInProgressClaim> claims = new ArrayList<>();
        for (BsonDocument found : read) {
            BsonValue left = found.get(REMAINING);
            long remaining = left != null && left.isNumber() ? left.asNumber().longValue() : 0; // no expiry: not live
            if (found.isString(TOKEN) && remaining > 0) {
                claims.add(new StoredInProgressClaim(found.getString(MongoSchema.KEY).getValue(),
                        found.getString(TOKEN).getValue(), remaining));
            }
        }
        return new StoredPage<>(claims, read.size() < limit ? null
                : read.get(read.size() - 1).getString(MongoSchema.KEY).getValue());
    }

    private static Bson liveKey(String key) {
        return Filters.and(Filters.eq(MongoSchema.KEY, key), Expiry.live());
    }
}
