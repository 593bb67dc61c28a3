package org.gogoscope.mongodb;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Expiry judged by the server's clock. An expiring document this library writes stores {@code touchedAt} (the
 * server's time of the last write, set with {@code $currentDate}) and {@code ttlMillis}; it is live while
 * {@code touchedAt + ttlMillis > $$NOW}. A document go-go-scope's Node adapters wrote has only {@code expiresAt}
 * (their clock plus the TTL); it is live while {@code expiresAt > $$NOW}. Every read and conditional write puts
 * that test into its filter, so correctness never waits for the TTL monitor.
 *
 * <p>{@code expiresAt} is also written by this library, for the TTL index and for Node readers: the real expiry,
 * this JVM's clock plus the TTL, plus the configured grace (default none), which keeps the monitor from removing
 * a document the server still considers live when this JVM's clock may be behind the server's.
 */
final class Expiry {

    static final String TOUCHED_AT = "touchedAt";
    static final String TTL_MILLIS = "ttlMillis";
    static final String EXPIRES_AT = "expiresAt";

    /** The server-clock expiry of a document: {@code touchedAt + ttlMillis}, else {@code expiresAt}, else null. */
    private static final Document EXPIRY = new Document("$ifNull", Arrays.asList(
            new Document("$add", List.of("$" + TOUCHED_AT, "$" + TTL_MILLIS)),
            new Document("$ifNull", Arrays.asList("$" + EXPIRES_AT, null))));

    private final long graceMillis;

    Expiry(long graceMillis) {
        this.graceMillis = graceMillis;
    }

    /** Documents with a TTL that has not run out on the server's clock. */
    static Bson live() {
        return Filters.expr(new Document("$gt", List.of(EXPIRY, "$$NOW")));
    }

    /** Documents with a TTL that has run out on the server's clock (absent TTL counts as expired). */
    static Bson expired() {
        return Filters.expr(new Document("$lte", List.of(EXPIRY, "$$NOW")));
    }

    /** Documents without an expiry, or whose expiry has not come on the server's clock (cache entries). */
    static Bson liveOrForever() {
        return Filters.expr(new Document("$or", List.of(new Document("$eq", Arrays.asList(EXPIRY, null)),
                new Document("$gt", List.of(EXPIRY, "$$NOW")))));
    }

    /** Documents with an expiry that has come on the server's clock (cache entries). */
    static Bson expiredWithExpiry() {
        return Filters.expr(new Document("$and", List.of(new Document("$ne", Arrays.asList(EXPIRY, null)),
                new Document("$lte", List.of(EXPIRY, "$$NOW")))));
    }

    /** The time left on the server's clock, in milliseconds, as an aggregation expression. */
    static Document remaining() {
        return new Document("$subtract", List.of(EXPIRY, "$$NOW"));
    }

    /** The update parts that start a TTL of {@code ttlMillis} now, on the server's clock. */
    Bson start(long ttlMillis) {
        return Updates.combine(Updates.currentDate(TOUCHED_AT), Updates.set(TTL_MILLIS, ttlMillis),
                Updates.set(EXPIRES_AT, gcDate(ttlMillis)));
    }

    /** The update parts that end the TTL now: live filters no longer match, the document stays until GC. */
    Bson end() {
        return Updates.combine(Updates.currentDate(TOUCHED_AT), Updates.set(TTL_MILLIS, 0L),
                Updates.set(EXPIRES_AT, gcDate(0)));
    }

    /** When the TTL monitor may remove a document whose TTL of {@code ttlMillis} starts now. */
    Date gcDate(long ttlMillis) {
        long now = System.currentTimeMillis();
        long at = now + ttlMillis + graceMillis;
        return new Date(at < now ? Long.MAX_VALUE : at); // overflow: never
    }

    /** The server-clock expiry a document holds, in epoch milliseconds. */
    static long expiresAtMillis(BsonDocument document) {
        return document.getDateTime(TOUCHED_AT).getValue() + document.getNumber(TTL_MILLIS).longValue();
    }
}
