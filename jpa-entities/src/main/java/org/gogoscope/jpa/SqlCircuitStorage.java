package org.gogoscope.jpa;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.layout.NodeSpelling;
import org.gogoscope.core.storage.CircuitStorage;
import org.gogoscope.core.storage.StoredCircuitRecord;
import org.gogoscope.core.storage.StoredPage;
import org.gogoscope.jpa.dialect.SqlStatements;

/**
 * Circuit breakers: every transition is one conditional upsert or update, so no read-modify-write round trips.
 * States are stored as the Node adapters write them: {@code closed}, {@code open}, {@code half-open}.
 */
final class SqlCircuitStorage implements CircuitStorage {

    private final Db db;
    private final boolean returning;
    private final NamedSql get;
    private final NamedSql put;
    private final NamedSql failure;
    private final NamedSql success;
    private final NamedSql halfOpen;
    private final NamedSql recordRead;
    private final NamedSql recordInsert;
    private final NamedSql recordUpdate;
    private final NamedSql recordList;
    private final KeyRange range;

    SqlCircuitStorage(Db db, SqlStatements sql, int maxKeyLength) {
        this.db = db;
        this.returning = sql.returning();
        this.get = NamedSql.parse(sql.circuitGet());
        this.put = NamedSql.parse(sql.circuitPut());
        this.failure = NamedSql.parse(sql.circuitFailure());
        this.success = NamedSql.parse(sql.circuitSuccess());
        this.halfOpen = NamedSql.parse(sql.circuitHalfOpen());
        this.recordRead = NamedSql.parse(sql.circuitRecordRead());
        this.recordInsert = NamedSql.parse(sql.circuitRecordInsert());
        this.recordUpdate = NamedSql.parse(sql.circuitRecordUpdate());
        this.recordList = NamedSql.parse(sql.circuitRecordList());
        this.range = new KeyRange(sql, maxKeyLength);
    }

    @Override
    public Optional<CircuitBreakerState> get(String key) {
        return db.queryOne(get, Params.of("key", key), SqlCircuitStorage::read);
    }

    private static CircuitBreakerState read(ResultSet rs) throws SQLException {
        return new CircuitBreakerState(NodeSpelling.parse(rs.getString(1)), rs.getInt(2), instant(rs, 3), instant(rs, 4));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public void put(String key, CircuitBreakerState state) {
        db.update(put, Params.of("key", key).and("state", NodeSpelling.of(state.state())).and("count", state.failureCount())
                .number("failure", millis(state.lastFailureTime())).number("success", millis(state.lastSuccessTime())));
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    @Override
    public int recordFailure(String key, int maxFailures) {
        Params params = Params.of("key", key).and("max", maxFailures);
        if (!returning) {
            return (int) db.updateReturningKey(failure, params).orElseThrow(
                    () -> new SqlFailure("recordFailure returned no count", null));
        }
        return db.queryOne(failure, params, rs -> rs.getInt(1)).orElseThrow(
                () -> new SqlFailure("recordFailure returned no count", null));
    }

    @Override
    public void recordSuccess(String key) {
        db.update(success, Params.of("key", key));
    }

    @Override
    public boolean transitionToHalfOpen(String key, long delayMillis) {
        return db.update(halfOpen, Params.of("key", key).and("delay", delayMillis)) > 0;
    }

    /** One statement: the record (if any) and the database clock. */
    @Override
    public CircuitRecord readRecord(String key) {
        return db.queryOne(recordRead, Params.of("key", key), rs -> {
            String data = rs.getString(1);
            long version = rs.getLong(2);
            Instant now = Instant.ofEpochMilli(rs.getLong(3));
            return data == null ? new CircuitRecord(null, 0, now) : new CircuitRecord(data, version, now);
        }).orElseThrow(() -> new SqlFailure("circuit record read returned no row", null));
    }

    /** One statement: insert-if-absent for version 0, else an update conditional on the version. */
    @Override
    public boolean compareAndSetRecord(String key, long expectedVersion, String data) {
        if (expectedVersion == 0) {
            Params params = Params.of("key", key).and("data", data);
            if (!returning) {
                return db.updateReturningKey(recordInsert, params).isPresent();
            }
            return db.queryOne(recordInsert, params, rs -> rs.getLong(1)).isPresent();
        }
        return db.update(recordUpdate, Params.of("key", key).and("data", data).and("expected", expectedVersion)) > 0;
    }

    /** In key order; the cursor is the last key of a full page. */
    @Override
    public StoredPage<StoredCircuitRecord> listRecords(KeyPattern pattern, String cursor, int limit) {
        List<StoredCircuitRecord> records = db.query(recordList, range.page(pattern, cursor, limit),
                rs -> new StoredCircuitRecord(rs.getString(1), rs.getString(2), rs.getLong(3)));
        return new StoredPage<>(records, records.size() < limit ? null : records.get(records.size() - 1).key());
    }
}
