package org.gogoscope.mongodb;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.conversions.Bson;
import org.bson.Document;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.CacheStorage;

/**
 * Cache entries in {@code go_goscope_cache}: {@code {key, value, touchedAt, ttlMillis, expiresAt}}, the
 * value as real BSON, as go-go-scope's Node adapter stores them (it writes no {@code touchedAt} and
 * {@code ttlMillis}, see {@link Expiry}); an entry without expiry has no {@code ttlMillis} and no
 * {@code expiresAt}. Every method
 * is one command except {@link #deleteMatching}, which removes live entries, then expired leftovers.
 */
final class MongoCacheStorage implements CacheStorage {

    static final String VALUE = "value";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<BsonDocument> cache;
    private final Expiry expiry;

    MongoCacheStorage(MongoCollection<Document> cache, Expiry expiry) {
        this.cache = cache.withDocumentClass(BsonDocument.class);
        this.expiry = expiry;
    }

    /** Entries without a TTL, or whose TTL has not run out. */
    private static Bson live() {
        return Expiry.liveOrForever();
    }

    private static Bson liveKey(String key) {
        return Filters.and(Filters.eq(MongoSchema.KEY, key), live());
    }

    @Override
    public Optional<String> get(String key) {
        BsonDocument found = cache.find(liveKey(key)).projection(Projections.include(VALUE)).first();
        if (found == null) {
            return Optional.empty();
        }
        BsonValue value = found.get(VALUE);
        if (value == null) {
            throw new IllegalStateException("cache entry " + key + " has no field '" + VALUE + "'");
        }
        return Optional.of(BsonJson.toJson(value));
    }

    @Override
    public void put(String key, String json, long ttlMillis) {
        BsonValue value = BsonJson.toBson(json);
        Bson ttl = ttlMillis == 0
                ? Updates.combine(Updates.currentDate(Expiry.TOUCHED_AT), Updates.unset(Expiry.TTL_MILLIS),
                        Updates.unset(Expiry.EXPIRES_AT))
                : expiry.start(ttlMillis);
        cache.updateOne(Filters.eq(MongoSchema.KEY, key), Updates.combine(Updates.set(VALUE, value), ttl,
                MongoSchema.idOnInsert(key)), UPSERT);
    }

    @Override
    public boolean delete(String key) {
        return cache.deleteOne(liveKey(key)).getDeletedCount() == 1; // an expired leftover stays invisible until GC
    }

    @Override
    public boolean exists(String key) {
        return cache.find(liveKey(key)).projection(Projections.include(MongoSchema.KEY)).first() != null;
    }

    @Override
    public List<String> keys(KeyPattern pattern) {
        List<String> keys = new ArrayList<>();
        for (BsonDocument found : cache.find(Filters.and(matching(pattern), live()))
                .projection(Projections.include(MongoSchema.KEY))) {
            keys.add(found.getString(MongoSchema.KEY).getValue());
        }
        return keys;
    }

    @Override
    public long deleteMatching(KeyPattern pattern) {
        long live = cache.deleteMany(Filters.and(matching(pattern), live())).getDeletedCount();
        cache.deleteMany(Filters.and(matching(pattern), Expiry.expiredWithExpiry()));
        return live;
    }

    /** The pattern as an anchored, fully escaped regular expression on {@code key}: never user syntax. */
    private static Bson matching(KeyPattern pattern) {
        return Filters.regex(MongoSchema.KEY, pattern.toRegex());
    }
}
