package org.gogoscope.mongodb;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.LockStorage;
import org.gogoscope.core.storage.StoredLock;
import org.gogoscope.core.storage.StoredLockPage;

/**
 * Locks in {@code go_goscope_locks}, one document per key:
 * {@code {_id: key, owner, touchedAt, ttlMillis, expiresAt, epoch, grants}}. Each operation is one command.
 *
 * <p><b>Fencing tokens</b> are {@code epoch * 1,000,000 + grants}: {@code grants} is incremented by every
 * grant, {@code epoch} is set once when the document is inserted (this JVM's clock, epoch milliseconds).
 * Release and force-release only end the TTL, so the document and its counter survive them; only the TTL
 * monitor removes it, at least {@link MongoConfig#gcGrace()} after its expiry, and the next document's epoch
 * is then later than the old epoch plus the old document's whole life, which bounds its grants (fewer than a
 * million per millisecond). Tokens therefore keep increasing unless a JVM's clock is off by more than the
 * grace.
 */
final class MongoLockStorage implements LockStorage {

    static final String OWNER = "owner";
    static final String EPOCH = "epoch";
    static final String GRANTS = "grants";
    static final long GRANTS_PER_EPOCH_MILLI = 1_000_000L;

    private static final FindOneAndUpdateOptions UPSERT = new FindOneAndUpdateOptions().upsert(true)
            .returnDocument(ReturnDocument.AFTER).projection(Projections.include(EPOCH, GRANTS));

    private final MongoCollection<Document> locks;
    private final Expiry expiry;

    MongoLockStorage(MongoCollection<Document> locks, Expiry expiry) {
        this.locks = locks;
        this.expiry = expiry;
    }

    /**
     * One {@code findAndModify} with upsert. Its filter matches the key's document if it is expired, released
     * or held by {@code owner}; if a live document of another owner exists the filter misses, the upsert tries
     * to insert a second document with the same {@code _id} and the server answers duplicate key: held.
     */
    @Override
    public OptionalLong tryAcquire(String key, String owner, long ttlMillis) {
        Bson grantable = Filters.and(Filters.eq("_id", key),
                Filters.or(Filters.eq(OWNER, owner), Expiry.expired()));
        Bson grant = Updates.combine(Updates.set(OWNER, owner), expiry.start(ttlMillis), Updates.inc(GRANTS, 1L),
                Updates.setOnInsert(EPOCH, System.currentTimeMillis()));
        Document granted;
        try {
            granted = locks.findOneAndUpdate(grantable, grant, UPSERT);
        } catch (RuntimeException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return OptionalLong.empty();
            }
            throw e;
        }
        if (granted == null) {
            throw new IllegalStateException("findAndModify with upsert returned no document for lock " + key);
        }
        long epoch = ((Number) granted.get(EPOCH)).longValue();
        long grants = ((Number) granted.get(GRANTS)).longValue();
        return OptionalLong.of(Math.multiplyExact(epoch, GRANTS_PER_EPOCH_MILLI) + grants);
    }

    @Override
    public boolean extend(String key, String owner, long ttlMillis) {
        return locks.updateOne(heldBy(key, owner), expiry.start(ttlMillis)).getMatchedCount() == 1;
    }

    @Override
    public boolean release(String key, String owner) {
        return locks.updateOne(heldBy(key, owner), free()).getMatchedCount() == 1;
    }

    @Override
    public boolean forceRelease(String key) {
        return locks.updateOne(Filters.and(Filters.eq("_id", key), Expiry.live()), free()).getMatchedCount() == 1;
    }

    private static Bson heldBy(String key, String owner) {
        return Filters.and(Filters.eq("_id", key), Filters.eq(OWNER, owner), Expiry.live());
    }

    private Bson free() {
        return Updates.combine(Updates.set(OWNER, null), expiry.end());
    }

    private static final String REMAINING = "remaining";

    /** Owner, token and the time left computed on the server's clock ({@code $$NOW}), in one {@code aggregate}. */
    private static Bson withRemaining() {
        return Aggregates.project(Projections.fields(Projections.include(OWNER, EPOCH, GRANTS),
                Projections.computed(REMAINING, new Document("$subtract", List.of(new Document("$add",
                        List.of("$" + Expiry.TOUCHED_AT, "$" + Expiry.TTL_MILLIS)), "$$NOW")))));
    }

    @Override
    public Optional<StoredLock> inspect(String key) {
        Document found = locks.aggregate(List.of(Aggregates.match(Filters.and(Filters.eq("_id", key),
                Expiry.live())), withRemaining())).first();
        return Optional.ofNullable(found).map(MongoLockStorage::stored);
    }

    /** In {@code _id} order; the pattern is an anchored regex (an index range on {@code _id}); the cursor is the last key. */
    @Override
    public StoredLockPage list(KeyPattern pattern, String cursor, int limit) {
        Bson matching = Filters.and(Filters.regex("_id", pattern.toRegex()), Expiry.live());
        if (cursor != null) {
            matching = Filters.and(Filters.gt("_id", cursor), matching);
        }
        List<StoredLock> page = new ArrayList<>();
        for (Document found : locks.aggregate(List.of(Aggregates.match(matching), Aggregates.sort(Sorts.ascending(
                "_id")), Aggregates.limit(limit), withRemaining()))) {
            page.add(stored(found));
        }
        return new StoredLockPage(page, page.size() < limit ? null : page.get(page.size() - 1).key());
    }

    private static StoredLock stored(Document found) {
        long epoch = ((Number) found.get(EPOCH)).longValue();
        long grants = ((Number) found.get(GRANTS)).longValue();
        return new StoredLock(found.getString("_id"), found.getString(OWNER),
                Math.multiplyExact(epoch, GRANTS_PER_EPOCH_MILLI) + grants, ((Number) found.get(REMAINING)).longValue());
    }
}
