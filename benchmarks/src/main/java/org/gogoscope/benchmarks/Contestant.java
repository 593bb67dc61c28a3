package org.gogoscope.benchmarks;

import java.util.List;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.jpa.SqlSettings;
import org.gogoscope.redis.RedisClientConfig;

/**
 * Who takes the locks in {@link NodesBenchmark}: our adapter's {@code locks()} or ShedLock's provider for the
 * same server, each opening its own client and pool (one per JVM, so one per node), sized as in the JMH lock
 * benchmarks.
 */
enum Contestant {
    ours("ours"), shedlock("ShedLock");

    /** Our adapters' key prefix, the same as in {@link LockBenchmarks}. */
    static final String PREFIX = "gogobench:";

    private final String label;

    Contestant(String label) {
        this.label = label;
    }

    /** The name in tables and charts. */
    String label() {
        return label;
    }

    /** Opens this contestant's client and pool on {@code backend}; what it opened goes to {@code resources}. */
    LockSubject open(Backend backend, List<AutoCloseable> resources) {
        return switch (this) {
            case ours -> {
                PersistenceAdapter adapter = backend.ours(PREFIX);
                resources.add(adapter);
                yield LockSubject.ours(adapter.locks());
            }
            case shedlock -> LockSubject.shedLock(backend.shedLock(resources));
        };
    }

    /** The pool this contestant opens in each JVM on {@code backend}, in words. */
    String pool(Backend backend) {
        return switch (this) {
            case ours -> switch (backend) {
                case postgresql, mariadb, sqlite -> "HikariCP " + SqlSettings.DEFAULT_POOL_SIZE
                        + " connections (the adapter's own pool, its default size)";
                case redis -> "JedisPooled, " + RedisClientConfig.DEFAULT_POOL_SIZE + " connections (the adapter's default)";
                case mongodb -> "MongoDB sync driver, its default pool (up to 100 connections)";
            };
            case shedlock -> switch (backend) {
                case postgresql, mariadb, sqlite -> "HikariCP " + Servers.SQL_POOL
                        + " connections (JdbcTemplateLockProvider)";
                case redis -> "Spring JedisConnectionFactory, Jedis pool of " + Servers.REDIS_POOL
                        + " (RedisLockProvider)";
                case mongodb -> "MongoDB sync driver, its default pool (up to 100 connections; MongoLockProvider)";
            };
        };
    }
}
