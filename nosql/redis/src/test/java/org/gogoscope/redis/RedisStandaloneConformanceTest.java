package org.gogoscope.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;
import org.gogoscope.core.KeySpace;
import org.junit.jupiter.api.AfterAll;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The whole contract against the shared Redis on 127.0.0.1:6379 (override with {@code -Dredis.uri=...}).
 * Every test uses its own random prefixes; afterwards the keys of exactly those prefixes are deleted.
 */
class RedisStandaloneConformanceTest extends ConformanceSuite {

    static final String URI = System.getProperty("redis.uri", "redis://127.0.0.1:6379");
    private static final Set<String> PREFIXES = ConcurrentHashMap.newKeySet();

    @Override
    protected BackendFixture fixture() {
        return new RedisFixture(prefix -> {
            PREFIXES.add(prefix);
            return new RedisAdapter(RedisClientConfig.standalone(URI).withPoolSize(8), prefix);
        });
    }

    @AfterAll
    static void deleteTestKeys() {
        try (JedisPooled jedis = new JedisPooled(java.net.URI.create(URI))) {
            for (String prefix : PREFIXES) {
                deleteUnder(jedis, prefix);
            }
        }
    }

    /** Deletes every key of {@code prefix} (SCAN with escaped globs, one per key type). */
    static void deleteUnder(JedisPooled jedis, String prefix) {
        deleteMatching(jedis, new KeySpace(prefix, Integer.MAX_VALUE).all().toRedisGlob());
    }

    private static void deleteMatching(JedisPooled jedis, String glob) {
        String cursor = ScanParams.SCAN_POINTER_START;
        List<String> found = new ArrayList<>();
        do {
            ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(glob).count(1000));
            found.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        for (String key : found) {
            jedis.del(key);
        }
    }
}
