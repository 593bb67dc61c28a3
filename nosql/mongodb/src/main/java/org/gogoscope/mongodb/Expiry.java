package org.gogoscope.mongodb;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Expiry judged by the server's clock. An expiring document stores {@code touchedAt} (the server's time of the
 * last write, set with {@code $currentDate}) and {@code ttlMillis}; it is live while
 * {@code touchedAt + ttlMillis > $$NOW}. Every read and conditional write puts that test into its filter, so
 * correctness never waits for the TTL monitor.
 *
 * <p>{@code expiresAt} is only for the TTL index (garbage collection): this JVM's clock plus the TTL plus a
 * grace period, so the monitor never removes a document the server still considers live unless this JVM's
 * clock is behind the server's by more than the grace.
 */
final class Expiry {

    static final String TOUCHED_AT = "touchedAt";
    static final String TTL_MILLIS = "ttlMillis";
    static final String EXPIRES_AT = "expiresAt";

    private static final Document EXPIRY = new Document("$add", List.of("$" + TOUCHED_AT, "$" + TTL_MILLIS));

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
