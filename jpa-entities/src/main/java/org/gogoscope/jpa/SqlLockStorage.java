package org.gogoscope.jpa;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.LockStorage;
import org.gogoscope.core.storage.StoredLock;
import org.gogoscope.core.storage.StoredPage;
import org.gogoscope.jpa.dialect.SqlStatements;

/**
 * Locks: each operation is one conditional statement, so one round trip and atomic by the row's lock.
 * Release and forceRelease expire the row, and the fencing token stays in it, so the next grant is token + 1. A
 * grant is also never below the database clock in microseconds, so the purge may delete a free row once its
 * token is well below the clock ({@code SqlStatements.purgeLocks}) and the next grant is still higher, unless the
 * database clock steps back.
 */
final class SqlLockStorage implements LockStorage {

    private final Db db;
    private final boolean returning;
    private final NamedSql acquire;
    private final NamedSql extend;
    private final NamedSql release;
    private final NamedSql forceRelease;
    private final NamedSql inspect;
    private final NamedSql list;
    private final KeyRange range;

    SqlLockStorage(Db db, SqlStatements sql, int maxKeyLength) {
        this.db = db;
        this.inspect = NamedSql.parse(sql.lockInspect());
        this.list = NamedSql.parse(sql.lockList());
        this.range = new KeyRange(sql, maxKeyLength);
        this.returning = sql.returning();
        this.acquire = NamedSql.parse(sql.lockAcquire());
        this.extend = NamedSql.parse(sql.lockExtend());
        this.release = NamedSql.parse(sql.lockRelease());
        this.forceRelease = NamedSql.parse(sql.lockForceRelease());
    }

    @Override
    public OptionalLong tryAcquire(String key, String owner, long ttlMillis) {
        Params params = Params.of("key", key).and("owner", owner).and("ttl", ttlMillis);
        if (!returning) {
            return db.updateReturningKey(acquire, params);
        }
        return db.queryOne(acquire, params, rs -> rs.getLong(1)).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public boolean extend(String key, String owner, long ttlMillis) {
        return db.update(extend, Params.of("key", key).and("owner", owner).and("ttl", ttlMillis)) > 0;
    }

    @Override
    public boolean release(String key, String owner) {
        return db.update(release, Params.of("key", key).and("owner", owner)) > 0;
    }

    @Override
    public boolean forceRelease(String key) {
        return db.update(forceRelease, Params.of("key", key)) > 0;
    }

    @Override
    public Optional<StoredLock> inspect(String key) {
        return db.queryOne(inspect, Params.of("key", key),
                rs -> new StoredLock(key, rs.getString(1), rs.getLong(2), rs.getLong(3)));
    }

    /** In key order; the cursor is the last key of a full page. */
    @Override
    public StoredPage<StoredLock> list(KeyPattern pattern, String cursor, int limit) {
        Params params = range.page(pattern, cursor, limit);
        List<StoredLock> locks = db.query(list, params,
                rs -> new StoredLock(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        return new StoredPage<>(locks, locks.size() < limit ? null : locks.get(locks.size() - 1).key());
    }
}
