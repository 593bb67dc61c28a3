package org.gogoscope.benchmarks;

import java.util.List;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.jpa.SqlAdapter;
import org.gogoscope.jpa.SqlSettings;
import org.gogoscope.mongodb.MongoAdapter;
import org.gogoscope.mongodb.MongoConfig;
import org.gogoscope.redis.RedisAdapter;
import org.gogoscope.redis.RedisClientConfig;

/**
 * The five backends, each built the way its own tests build it, plus the raw floor and ShedLock on the same
 * server. Every call opens a separate client/pool ("node").
 */
enum Backend {
    postgresql, mariadb, sqlite, redis, mongodb;

    /** Our adapter, connected, with {@code prefix}. */
    PersistenceAdapter ours(String prefix) {
        PersistenceAdapter adapter = switch (this) {
            case postgresql -> new SqlAdapter(SqlSettings.jdbc("postgresql", Servers.PG_URL, Servers.PG_USER, null), prefix);
            case mariadb -> new SqlAdapter(SqlSettings.jdbc("mariadb", Servers.MARIADB_URL, Servers.MARIADB_USER, null), prefix);
            case sqlite -> new SqlAdapter(SqlSettings.jdbc("sqlite", Servers.sqliteUrl(), null, null), prefix);
            case redis -> new RedisAdapter(RedisClientConfig.standalone(Servers.REDIS_URI), prefix);
            case mongodb -> new MongoAdapter(MongoConfig.of(Servers.mongoUri(), Servers.MONGO_DATABASE), prefix);
        };
        adapter.connect();
        return adapter;
    }

    /** The raw floor on this server. */
    Raw raw() {
        return switch (this) {
            case postgresql -> new SqlRaw(SqlRaw.Dialect.POSTGRESQL, Servers.pool("raw-pg", Servers.PG_URL, Servers.PG_USER));
            // useAffectedRows: so that an upsert that changed nothing reports 0 (grant detection)
            case mariadb -> new SqlRaw(SqlRaw.Dialect.MARIADB, Servers.pool("raw-mariadb",
                    Servers.MARIADB_URL + (Servers.MARIADB_URL.contains("?") ? "&" : "?") + "useAffectedRows=true",
                    Servers.MARIADB_USER));
            case sqlite -> new SqlRaw(SqlRaw.Dialect.SQLITE, Servers.pool("raw-sqlite", Servers.sqliteUrl(), null));
            case redis -> new RedisRaw();
            case mongodb -> new MongoRaw();
        };
    }

    /** ShedLock's provider for this server; what it opened goes to {@code resources}. */
    net.javacrumbs.shedlock.core.LockProvider shedLock(List<AutoCloseable> resources) {
        return switch (this) {
            case postgresql -> jdbc(Servers.pool("shedlock-pg", Servers.PG_URL, Servers.PG_USER), resources);
            case mariadb -> jdbc(Servers.pool("shedlock-mariadb", Servers.MARIADB_URL, Servers.MARIADB_USER), resources);
            case sqlite -> jdbc(Servers.pool("shedlock-sqlite", Servers.sqliteUrl(), null), resources);
            case redis -> ShedLocks.redis(resources);
            case mongodb -> ShedLocks.mongo(resources);
        };
    }

    private net.javacrumbs.shedlock.core.LockProvider jdbc(com.zaxxer.hikari.HikariDataSource pool,
            List<AutoCloseable> resources) {
        resources.add(pool::close);
        return ShedLocks.jdbc(name(), pool);
    }
}
