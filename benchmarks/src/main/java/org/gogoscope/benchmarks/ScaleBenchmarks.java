package org.gogoscope.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.PersistenceAdapter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.SetParams;

/**
 * What listing costs as the cache grows: {@code keys("item:000012*")} (10 matches) and a point read, with
 * {@code size} live entries under the store's prefix (10^3 and 10^6). The entries are written once per size and
 * kept (prefix {@code gogoscale:<size>:}, 30-day TTL), so later runs start at once; they are written straight
 * into the tables and keys the adapter reads, in bulk (the adapter has no bulk write). Average time per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 2, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Threads(1)
public class ScaleBenchmarks {

    @State(Scope.Benchmark)
    public static class Filled {
        @Param({"postgresql", "mariadb", "sqlite", "redis"})
        public String backend;

        @Param({"1000", "1000000"})
        public int size;

        PersistenceAdapter ours;

        @Setup(Level.Trial)
        public void fill() throws Exception {
            String prefix = "gogoscale:" + size + ":";
            if (backend.equals("redis")) {
                fillRedis(prefix, size); // before the adapter connects: it indexes what it finds then
            }
            ours = Backend.valueOf(backend).ours(prefix);
            if (ours.cache().has(key(size - 1))) {
                return; // filled by an earlier run
            }
            switch (backend) {
                case "postgresql" -> fillSql(Servers.pool("fill-pg", Servers.PG_URL, Servers.PG_USER), """
                        INSERT INTO go_goscope_cache (key, value, expires_at)
                        SELECT ? || lpad(g::text, 7, '0'), '{"a":1}'::jsonb,
                               (now() AT TIME ZONE 'UTC') + interval '30 days'
                          FROM generate_series(0, ? - 1) g ON CONFLICT DO NOTHING""", prefix + "cache:item:", size);
                case "mariadb" -> fillSql(Servers.pool("fill-mariadb", Servers.MARIADB_URL, Servers.MARIADB_USER), """
                        INSERT IGNORE INTO go_goscope_cache (`key`, value, expires_at)
                        SELECT CONCAT(?, LPAD(seq, 7, '0')), '{"a":1}', UTC_TIMESTAMP(3) + INTERVAL 30 DAY
                          FROM seq_0_to_999999 WHERE seq < ?""", prefix + "cache:item:", size);
                case "sqlite" -> fillSql(Servers.pool("fill-sqlite", Servers.sqliteUrl(), null), """
                        WITH RECURSIVE g(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM g WHERE x < 999999)
                        INSERT OR IGNORE INTO go_goscope_cache (key, value, expires_at)
                        SELECT ? || printf('%07d', x), '{"a":1}',
                               strftime('%Y-%m-%d %H:%M:%f', 'now', '+30 days') FROM g WHERE x < ?""",
                        prefix + "cache:item:", size);
                default -> throw new IllegalArgumentException(backend);
            }
            if (!ours.cache().has(key(size - 1))) {
                throw new IllegalStateException("fill of " + size + " entries on " + backend + " did not land");
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            ours.disconnect();
        }
    }

    static String key(int i) {
        return String.format("item:%07d", i);
    }

    private static void fillSql(com.zaxxer.hikari.HikariDataSource pool, String sql, String head, int size)
            throws SQLException {
        try (pool; Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, head);
            s.setInt(2, size);
            s.executeUpdate();
        }
    }

    /** In the adapter's key layout, pipelined, unless an earlier run did. */
    private static void fillRedis(String prefix, int size) {
        try (JedisPooled redis = new JedisPooled(java.net.URI.create(Servers.REDIS_URI))) {
            if (redis.exists(prefix + "cache:" + key(size - 1))) {
                return;
            }
            for (int from = 0; from < size; from += 10_000) {
                try (Pipeline pipeline = redis.pipelined()) {
                    for (int i = from; i < Math.min(size, from + 10_000); i++) {
                        pipeline.set(prefix + "cache:" + key(i), "{\"a\":1}",
                                new SetParams().px(Duration.ofDays(30).toMillis()));
                    }
                    pipeline.sync();
                }
            }
        }
    }

    /** 10 matches, whatever the size: item:0000120 to item:0000129. */
    @Benchmark
    public List<String> keysLiteralPrefix(Filled filled) {
        List<String> keys = filled.ours.cache().keys("item:000012*");
        if (keys.size() != 10) {
            throw new IllegalStateException("expected 10 matches, got " + keys.size());
        }
        return keys;
    }

    @Benchmark
    public Object cacheGet(Filled filled) {
        return filled.ours.cache().get("item:0000500", Object.class);
    }
}
