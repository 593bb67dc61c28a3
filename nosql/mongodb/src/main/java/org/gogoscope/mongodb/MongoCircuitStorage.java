package org.gogoscope.mongodb;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Facet;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.api.CircuitState;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.layout.NodeSpelling;
import org.gogoscope.core.storage.CircuitStorage;
import org.gogoscope.core.storage.StoredCircuitRecord;
import org.gogoscope.core.storage.StoredPage;

/**
 * Circuit-breaker state in {@code go_goscope_circuit}, as go-go-scope's Node adapter stores it:
 * {@code {key, state, failureCount, lastFailureTime, lastSuccessTime}} with {@code state} spelled
 * {@code closed}, {@code open} or {@code half-open} (an upper-case spelling is read too). A breaker closed without
 * failures (the initial state) also gets {@code expiresAt}, this JVM's clock plus
 * {@link org.gogoscope.api.CircuitBreakerStateProvider#CLOSED_STATE_RETENTION}, for the TTL monitor; a failure or
 * another state removes it, so only those are ever forgotten. Times that
 * the backend records itself ({@code recordFailure}, {@code recordSuccess}) come from the server's clock.
 *
 * <p>Versioned records live beside it, with the key as {@code _id}, in {@code go_goscope_circuit_records}:
 * {@code {_id: key, data: string, version: int64}}, never expiring. A separate collection (like the SQL
 * backend's table) keeps them out of {@code setState}'s replacement and {@code recordFailure}'s upsert.
 * Reading is one aggregation that also returns the server's {@code $$NOW}; compare-and-set is one insert
 * (version 0) or one update conditional on the version.
 */
final class MongoCircuitStorage implements CircuitStorage {

    static final String STATE = "state";
    static final String FAILURES = "failureCount";
    static final String LAST_FAILURE = "lastFailureTime";
    static final String LAST_SUCCESS = "lastSuccessTime";

    private static final FindOneAndUpdateOptions UPSERT_AFTER = new FindOneAndUpdateOptions().upsert(true)
            .returnDocument(ReturnDocument.AFTER).projection(Projections.include(FAILURES, STATE));

    /** States as go-go-scope's Node adapters spell them. */
    private static final String CLOSED = NodeSpelling.of(CircuitState.CLOSED);
    private static final String OPEN = NodeSpelling.of(CircuitState.OPEN);
    private static final String HALF_OPEN = NodeSpelling.of(CircuitState.HALF_OPEN);

    static final String DATA = "data";
    static final String VERSION = "version";
    private static final String RECORD = "record";
    private static final String NOW = "now";

    private final MongoCollection<Document> circuits;
    private final MongoCollection<Document> records;

    MongoCircuitStorage(MongoCollection<Document> circuits, MongoCollection<Document> records) {
        this.circuits = circuits;
        this.records = records;
    }

    @Override
    public Optional<CircuitBreakerState> get(String key) {
        return Optional.ofNullable(circuits.find(Filters.eq(MongoSchema.KEY, key)).first()).map(MongoCircuitStorage::state);
    }

    @Override
    public void put(String key, CircuitBreakerState state) {
        boolean initial = state.state() == CircuitState.CLOSED && state.failureCount() == 0;
        circuits.updateOne(Filters.eq(MongoSchema.KEY, key), Updates.combine(
                Updates.set(STATE, NodeSpelling.of(state.state())), Updates.set(FAILURES, state.failureCount()),
                Updates.set(LAST_FAILURE, date(state.lastFailureTime())),
                Updates.set(LAST_SUCCESS, date(state.lastSuccessTime())),
                initial ? forgetLater() : keep(), MongoSchema.idOnInsert(key)),
                new UpdateOptions().upsert(true));
    }

    /** {@code expiresAt} for the TTL monitor: a breaker in the initial state is forgotten after the retention. */
    private static Bson forgetLater() {
        return Updates.set(Expiry.EXPIRES_AT, new Date(System.currentTimeMillis()
                + org.gogoscope.api.CircuitBreakerStateProvider.CLOSED_STATE_RETENTION.toMillis()));
    }

    /** No {@code expiresAt}: a breaker with failures, open or half-open is kept. */
    private static Bson keep() {
        return Updates.unset(Expiry.EXPIRES_AT);
    }

    /**
     * One command counts the failure atomically ({@code $inc}). If the new count reaches {@code maxFailures} or
     * the breaker was half-open, a second command opens it, conditional on the same facts still holding, so a
     * success that came in between is never overwritten.
     */
    @Override
    public int recordFailure(String key, int maxFailures) {
        Document counted = circuits.findOneAndUpdate(Filters.eq(MongoSchema.KEY, key),
                Updates.combine(Updates.inc(FAILURES, 1), Updates.currentDate(LAST_FAILURE), keep(),
                        Updates.setOnInsert(STATE, CLOSED),
                        Updates.setOnInsert(LAST_SUCCESS, null), MongoSchema.idOnInsert(key)),
                UPSERT_AFTER);
        int count = ((Number) counted.get(FAILURES)).intValue();
        String state = counted.getString(STATE);
        boolean halfOpen = HALF_OPEN.equals(state);
        if (!OPEN.equals(state) && (count >= maxFailures || halfOpen)) {
            circuits.updateOne(Filters.and(Filters.eq(MongoSchema.KEY, key), Filters.ne(STATE, OPEN),
                    Filters.or(Filters.gte(FAILURES, maxFailures), Filters.eq(STATE, HALF_OPEN))),
                    Updates.set(STATE, OPEN));
        }
        return count;
    }

    @Override
    public void recordSuccess(String key) {
        circuits.updateOne(Filters.eq(MongoSchema.KEY, key),
                Updates.combine(Updates.set(STATE, CLOSED), Updates.set(FAILURES, 0),
                        Updates.currentDate(LAST_SUCCESS), Updates.setOnInsert(LAST_FAILURE, null), forgetLater(),
                        MongoSchema.idOnInsert(key)),
                new UpdateOptions().upsert(true));
    }

    /** One conditional update: OPEN, and the last failure at least {@code delayMillis} old on the server's clock. */
    @Override
    public boolean transitionToHalfOpen(String key, long delayMillis) {
        Bson delayPassed = Filters.or(Filters.eq(LAST_FAILURE, null), Filters.expr(new Document("$lte",
                List.of(new Document("$add", List.of("$" + LAST_FAILURE, delayMillis)), "$$NOW"))));
        Bson due = Filters.and(Filters.eq(MongoSchema.KEY, key), Filters.eq(STATE, OPEN), delayPassed);
        return circuits.updateOne(due, Updates.set(STATE, HALF_OPEN)).getMatchedCount() == 1;
    }

    /**
     * One {@code aggregate}: {@code $match} on {@code _id} (index), {@code $facet} so that exactly one document
     * comes back whether or not the record exists, and {@code $$NOW} for the server's clock.
     */
    @Override
    public CircuitRecord readRecord(String key) {
        Document result = records.aggregate(List.of(Aggregates.match(Filters.eq("_id", key)),
                Aggregates.facet(new Facet(RECORD, Aggregates.project(Projections.include(DATA, VERSION)))),
                Aggregates.project(Projections.fields(Projections.include(RECORD),
                        Projections.computed(NOW, "$$NOW"))))).first();
        if (result == null) {
            throw new IllegalStateException("circuit record read returned no document (collection "
                    + records.getNamespace() + " missing?)");
        }
        Instant now = result.getDate(NOW).toInstant();
        List<Document> found = result.getList(RECORD, Document.class);
        if (found.isEmpty()) {
            return new CircuitRecord(null, 0, now);
        }
        Document record = found.get(0);
        return new CircuitRecord(record.getString(DATA), ((Number) record.get(VERSION)).longValue(), now);
    }

    /**
     * One command. Version 0: {@code insert}, where a duplicate key (11000) means another writer was first.
     * Otherwise: {@code update} filtered on {@code _id} and the expected version, {@code $set data},
     * {@code $inc version}.
     */
    @Override
    public boolean compareAndSetRecord(String key, long expectedVersion, String data) {
        if (expectedVersion == 0) {
            try {
                records.insertOne(new Document("_id", key).append(DATA, data).append(VERSION, 1L));
                return true;
            } catch (MongoException e) {
                if (MongoErrors.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        }
        return records.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq(VERSION, expectedVersion)),
                Updates.combine(Updates.set(DATA, data), Updates.inc(VERSION, 1L))).getMatchedCount() == 1;
    }

    /**
     * In key order: one {@code find} of at most {@code limit} records whose {@code _id} matches the pattern and is
     * above the cursor, sorted on {@code _id} (a range of the {@code _id} index). The cursor is the last key of
     * a full page.
     */
    @Override
    public StoredPage<StoredCircuitRecord> listRecords(KeyPattern pattern, String cursor, int limit) {
        List<StoredCircuitRecord> page = new ArrayList<>();
        for (Document found : records.find(MongoSchema.page("_id", pattern, cursor)).sort(Sorts.ascending("_id"))
                .limit(limit).projection(Projections.include(DATA, VERSION))) {
            page.add(new StoredCircuitRecord(found.getString("_id"), found.getString(DATA),
                    ((Number) found.get(VERSION)).longValue()));
        }
        return new StoredPage<>(page, page.size() < limit ? null : page.get(page.size() - 1).key());
    }

    private static CircuitBreakerState state(Document document) {
        Date lastFailure = document.getDate(LAST_FAILURE);
        Date lastSuccess = document.getDate(LAST_SUCCESS);
        Number failures = (Number) document.get(FAILURES);
        return new CircuitBreakerState(NodeSpelling.parse(document.getString(STATE)),
                failures == null ? 0 : failures.intValue(),
                lastFailure == null ? null : lastFailure.toInstant(),
                lastSuccess == null ? null : lastSuccess.toInstant());
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
