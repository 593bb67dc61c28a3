package org.gogoscope.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.IdempotencyStorage;
import org.gogoscope.core.storage.StoredClaim;
import org.gogoscope.core.storage.StoredInProgressClaim;
import org.gogoscope.core.storage.StoredPage;
import org.gogoscope.jpa.dialect.SqlStatements;

/**
 * Idempotency records. A claim first reads the live record with a plain SELECT: when there is one (a replay of
 * a completed call, or a call still in progress) that read is the answer, one round trip and no write. Only when
 * there is none does it run the conditional upsert (it takes the key only if no live record exists); when that
 * did not win (another node claimed in between), one more SELECT reads what the live record holds. On MySQL,
 * which has no RETURNING, that SELECT always follows and tells by the (random, unique) claim token whether this
 * caller won. The read-first answer is what the atomic claim would have returned at the moment of the read, so
 * the contract holds; the price is one more round trip for a first claim (PostgreSQL/SQLite 2 instead of 1,
 * MySQL 3 instead of 2), for one instead of 2 on every replay.
 * A record is completed when {@code result} is not NULL; {@code expires_at} is the lease while in progress.
 */
final class SqlIdempotencyStorage implements IdempotencyStorage {

    private static final int CLAIM_ATTEMPTS = 5;

    private record Row(String token, String fingerprint, String result, long expiresAt) {
    }

    private final Db db;
    private final boolean returning;
    private final NamedSql claim;
    private final NamedSql read;
    private final NamedSql complete;
    private final NamedSql release;
    private final NamedSql getResult;
    private final NamedSql put;
    private final NamedSql delete;
    private final NamedSql list;
    private final KeyRange range;

    SqlIdempotencyStorage(Db db, SqlStatements sql, int maxKeyLength) {
        this.db = db;
        this.returning = sql.returning();
        this.claim = NamedSql.parse(sql.idempotencyClaim());
        this.read = NamedSql.parse(sql.idempotencyRead());
        this.complete = NamedSql.parse(sql.idempotencyComplete());
        this.release = NamedSql.parse(sql.idempotencyRelease());
        this.getResult = NamedSql.parse(sql.idempotencyGetResult());
        this.put = NamedSql.parse(sql.idempotencyPut());
        this.delete = NamedSql.parse(sql.idempotencyDelete());
        this.list = NamedSql.parse(sql.idempotencyList());
        this.range = new KeyRange(sql, maxKeyLength);
    }

    @Override
    public StoredClaim claim(String key, String token, String fingerprint, long leaseMillis) {
        Optional<Row> existing = readLive(key);
        if (existing.isPresent()) {
            return held(existing.get());
        }
        Params params = Params.of("key", key).and("token", token).text("fingerprint", fingerprint)
                .and("lease", leaseMillis);
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (returning) {
                if (db.queryOne(claim, params, rs -> rs.getString(1)).isPresent()) {
                    return new StoredClaim.Claimed();
                }
            } else {
                db.update(claim, params);
            }
            Optional<Row> live = readLive(key);
            if (live.isPresent()) {
                Row row = live.get();
                if (!returning && row.result() == null && token.equals(row.token())) {
                    return new StoredClaim.Claimed();
                }
                return held(row);
            }
            // the live record expired or was deleted between the two statements: try again
        }
        throw new SqlFailure("idempotency claim of '" + key + "' kept racing with expiry", null);
    }

    private Optional<Row> readLive(String key) {
        return db.queryOne(read, Params.of("key", key),
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
    }

    private static StoredClaim held(Row row) {
        if (row.result() != null) {
            return new StoredClaim.Completed(row.fingerprint(), row.result());
        }
        return new StoredClaim.InProgress(row.fingerprint(), row.expiresAt());
    }

    @Override
    public boolean complete(String key, String token, String resultJson, long ttlMillis) {
        return db.update(complete, Params.of("key", key).and("token", token).and("result", resultJson)
                .and("ttl", ttlMillis)) > 0;
    }

    @Override
    public boolean release(String key, String token) {
        return db.update(release, Params.of("key", key).and("token", token)) > 0;
    }

    @Override
    public Optional<String> getResult(String key) {
        return db.queryOne(getResult, Params.of("key", key), rs -> rs.getString(1));
    }

    @Override
    public void putResult(String key, String resultJson, long ttlMillis) {
        db.update(put, Params.of("key", key).and("result", resultJson).and("ttl", ttlMillis));
    }

    @Override
    public boolean delete(String key) {
        return db.update(delete, Params.of("key", key)) > 0;
    }

    /** In key order; the cursor is the last key read when the read was full. */
    @Override
    public StoredPage<StoredInProgressClaim> listInProgress(KeyPattern pattern, String cursor, int limit) {
        record Listed(String key, String token, boolean inProgress, long remainingMillis) {
        }
        List<Listed> read = db.query(list, range.page(pattern, cursor, limit),
                rs -> new Listed(rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getLong(4)));
        List<StoredInProgressClaim> claims = new ArrayList<>();
        for (Listed row : read) {
            if (row.inProgress() && row.remainingMillis() > 0) {
                claims.add(new StoredInProgressClaim(row.key(), row.token(), row.remainingMillis()));
            }
        }
        return new StoredPage<>(claims, read.size() < limit ? null : read.get(read.size() - 1).key());
    }
}
