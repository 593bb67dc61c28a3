package org.gogoscope.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gogoscope.core.KeySpace;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Deletes, when the JVM ends, every key of the prefixes the tests used on the shared Redis (fence counters
 * and circuit hashes outlive the test otherwise). Never FLUSHALL. Same approach as the redis module's
 * conformance test.
 */
final class RedisCleanup {

    private static final Set<String> PREFIXES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(RedisCleanup::deleteAll, "redis-reliability-cleanup"));
    }

    private RedisCleanup() {
    }

    static void track(String prefix) {
        PREFIXES.add(prefix);
    }

    private static void deleteAll() {
        try (JedisPooled jedis = new JedisPooled(java.net.URI.create(Backends.REDIS_URI))) {
            for (String prefix : PREFIXES) {
                String glob = new KeySpace(prefix, Integer.MAX_VALUE).all().toRedisGlob();
                String cursor = ScanParams.SCAN_POINTER_START;
                List<String> found = new ArrayList<>();
                do {
                    ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(glob).count(1000));
                    found.addAll(page.getResult());
                    cursor = page.getCursor();
                } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
                found.forEach(jedis::del);
            }
        } catch (RuntimeException e) {
            System.err.println("redis cleanup failed: " + e);
        }
    }
}
