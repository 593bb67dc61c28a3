package org.gogoscope.jpa;

import java.util.List;
import java.util.Optional;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.CacheStorage;
import org.gogoscope.jpa.dialect.SqlStatements;

/** Cache entries: one statement per operation; expired rows are invisible, and {@link PurgeSchedule} deletes them. */
final class SqlCacheStorage implements CacheStorage {

    private final Db db;
    private final KeyRange range;
    private final NamedSql get;
    private final NamedSql put;
    private final NamedSql delete;
    private final NamedSql exists;
    private final NamedSql keys;
    private final NamedSql deleteLive;
    private final NamedSql deleteExpired;

    SqlCacheStorage(Db db, SqlStatements sql, int maxKeyLength) {
        this.db = db;
        this.range = new KeyRange(sql, maxKeyLength);
        this.get = NamedSql.parse(sql.cacheGet());
        this.put = NamedSql.parse(sql.cachePut());
        this.delete = NamedSql.parse(sql.cacheDelete());
        this.exists = NamedSql.parse(sql.cacheExists());
        this.keys = NamedSql.parse(sql.cacheKeys());
        this.deleteLive = NamedSql.parse(sql.cacheDeleteMatchingLive());
        this.deleteExpired = NamedSql.parse(sql.cacheDeleteMatchingExpired());
    }

    @Override
    public Optional<String> get(String key) {
        return db.queryOne(get, Params.of("key", key), rs -> rs.getString(1));
    }

    @Override
    public void put(String key, String json, long ttlMillis) {
        db.update(put, Params.of("key", key).and("json", json).number("ttl", ttlMillis == 0 ? null : ttlMillis));
    }

    @Override
    public boolean delete(String key) {
        return db.update(delete, Params.of("key", key)) > 0;
    }

    @Override
    public boolean exists(String key) {
        return db.queryOne(exists, Params.of("key", key), rs -> Boolean.TRUE).isPresent();
    }

    /**
     * The database reads the index range of the pattern's literal head and filters by the pattern; the exact glob
     * is re-checked here. A pattern with a literal head (the key prefix, or text before the first wildcard) costs
     * in proportion to the keys that start with it.
     */
    @Override
    public List<String> keys(KeyPattern pattern) {
        return db.query(keys, range.matching(pattern), rs -> rs.getString(1)).stream().filter(pattern::matches).toList();
    }

    @Override
    public long deleteMatching(KeyPattern pattern) {
        Params params = range.matching(pattern);
        long live = db.update(deleteLive, params);
        db.update(deleteExpired, params);
        return live;
    }
}
