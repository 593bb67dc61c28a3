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
import org.gogoscope.core.storage.StoredPage;

/**
 * Locks in {@code go_goscope_locks}, one document per key, as go-go-scope's Node adapter stores them
 * ({@code {key, owner, expiresAt}}, unique index on {@code key}) plus this library's fields:
 * {@code {key, owner, touchedAt, ttlMillis, expiresAt, epoch, grants}}. Each operation is one command.
 *
 * <p><b>Fencing tokens</b> are {@code epoch * 1,000,000 + grants}: {@code grants} is incremented by every
 * grant, {@code epoch} is set when this library inserts the document (this JVM's clock, epoch milliseconds), or by
 * its first grant on a document a Node service created (one more command, that once). Release and force-release only end the TTL,
 * so the document and its counter survive them; the TTL monitor removes it once {@code expiresAt} (plus
 * {@link MongoConfig#gcGrace()}) has passed, and so does a Node service's force-release. A new document's epoch
 * is later than the old one by the old document's whole life, at least its first grant's TTL, which bounds the
 * old grants (fewer than a million per millisecond). Tokens therefore keep increasing unless the JVMs' clocks
 * differ by more than that. A lock a Node service holds has no token of its own: {@link #inspect} reports 0.
 */
final class MongoLockStorage implements LockStorage {

    static final String OWNER = "owner";
    static final String EPOCH = "epoch";
    static final String GRANTS = "grants";
    static final long GRANTS_PER_EPOCH_MILLI = 1_000_000L;

    private static final FindOneAndUpdateOptions UPSERT = new FindOneAndUpdateOptions().upsert(true)
            .returnDocument(ReturnDocument.AFTER).projection(Projections.include(EPOCH, GRANTS));

    private static final FindOneAndUpdateOptions EPOCH_AFTER = new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.AFTER).projection(Projections.include(EPOCH));

    private final MongoCollection<Document> locks;
    private final Expiry expiry;

    MongoLockStorage(MongoCollection<Document> locks, Expiry expiry) {
        this.locks = locks;
        this.expiry = expiry;
    }

    /**
     * One {@code findAndModify} with upsert. Its filter matches the key's document if it is expired, released
     * or held by {@code owner}; if a live document of another owner exists the filter misses, the upsert tries
     * to insert a second document with the same {@code key} and the unique index answers duplicate key: held.
     */
    @Override
    public OptionalLong tryAcquire(String key, String owner, long ttlMillis) {
        Bson grantable = Filters.and(Filters.eq(MongoSchema.KEY, key),
                Filters.or(Filters.eq(OWNER, owner), Expiry.expired()));
        Bson grant = Updates.combine(Updates.set(OWNER, owner), expiry.start(ttlMillis), Updates.inc(GRANTS, 1L),
                Updates.setOnInsert(EPOCH, System.currentTimeMillis()), MongoSchema.idOnInsert(key));
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
        if (granted.get(EPOCH) == null) { // the first grant of ours on a document a Node service created
            granted = withEpoch(key, granted);
        }
        return OptionalLong.of(token(granted));
    }

    /**
     * Gives a document a Node service created its epoch, once: one more command, only on this library's first grant
     * on such a document (the grant's own update sets the epoch only on insert). A concurrent first grant may have
     * set it already; then that epoch is read. The grant's own counter stays that of {@code granted}.
     */
    private Document withEpoch(String key, Document granted) {
        Document epoch = locks.findOneAndUpdate(Filters.and(Filters.eq(MongoSchema.KEY, key), Filters.eq(EPOCH, null)),
                Updates.set(EPOCH, System.currentTimeMillis()), EPOCH_AFTER);
        if (epoch == null) {
            epoch = locks.find(Filters.eq(MongoSchema.KEY, key)).projection(Projections.include(EPOCH)).first();
        }
        return new Document(EPOCH, epoch == null ? null : epoch.get(EPOCH)).append(GRANTS, granted.get(GRANTS));
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
        return locks.updateOne(Filters.and(Filters.eq(MongoSchema.KEY, key), Expiry.live()), free()).getMatchedCount() == 1;
    }

    private static Bson heldBy(String key, String owner) {
        return Filters.and(Filters.eq(MongoSchema.KEY, key), Filters.eq(OWNER, owner), Expiry.live());
    }

    private Bson free() {
        return Updates.combine(Updates.set(OWNER, null), expiry.end());
    }

    private static final String REMAINING = "remaining";

    /** Owner, token and the time left computed on the server's clock ({@code $$NOW}), in one {@code aggregate}. */
    private static Bson withRemaining() {
        return Aggregates.project(Projections.fields(Projections.include(MongoSchema.KEY, OWNER, EPOCH, GRANTS),
                Projections.computed(REMAINING, Expiry.remaining())));
    }

    @Override
    public Optional<StoredLock> inspect(String key) {
        Document found = locks.aggregate(List.of(Aggregates.match(Filters.and(Filters.eq(MongoSchema.KEY, key),
                Expiry.live())), withRemaining())).first();
        return Optional.ofNullable(found).map(MongoLockStorage::stored);
    }

    /** In {@code key} order; the pattern is an anchored regex (an index range on {@code key}); the cursor is the last key. */
    @Override
    public StoredPage<StoredLock> list(KeyPattern pattern, String cursor, int limit) {
        Bson matching = Filters.and(MongoSchema.page(MongoSchema.KEY, pattern, cursor), Expiry.live());
        List<StoredLock> page = new ArrayList<>();
        for (Document found : locks.aggregate(List.of(Aggregates.match(matching), Aggregates.sort(Sorts.ascending(
                MongoSchema.KEY)), Aggregates.limit(limit), withRemaining()))) {
            page.add(stored(found));
        }
        return new StoredPage<>(page, page.size() < limit ? null : page.get(page.size() - 1).key());
    }

    private static StoredLock stored(Document found) {
        return new StoredLock(found.getString(MongoSchema.KEY), found.getString(OWNER), token(found),
                ((Number) found.get(REMAINING)).longValue());
    }

    /** The fencing token of the current grant; 0 for a lock only a Node service has granted (no counter). */
    private static long token(Document found) {
        Number epoch = (Number) found.get(EPOCH);
        Number grants = (Number) found.get(GRANTS);
        if (epoch == null || grants == null) {
            return 0;
        }
        return Math.multiplyExact(epoch.longValue(), GRANTS_PER_EPOCH_MILLI) + grants.longValue();
    }
}
