package org.gogoscope.redis;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.CircuitRecordContract;
import org.junit.jupiter.api.AfterAll;
import redis.clients.jedis.JedisPooled;

/** Versioned breaker records against the shared Redis (see {@link RedisStandaloneConformanceTest#URI}). */
class RedisCircuitRecordTest extends CircuitRecordContract {

    private static final Set<String> PREFIXES = ConcurrentHashMap.newKeySet();

    @Override
    protected BackendFixture fixture() {
        return prefix -> {
            PREFIXES.add(prefix);
            return new RedisAdapter(RedisClientConfig.standalone(RedisStandaloneConformanceTest.URI).withPoolSize(8),
                    prefix);
        };
    }

    @AfterAll
    static void deleteTestKeys() {
        try (JedisPooled jedis = new JedisPooled(java.net.URI.create(RedisStandaloneConformanceTest.URI))) {
            for (String prefix : PREFIXES) {
                RedisStandaloneConformanceTest.deleteUnder(jedis, prefix);
            }
        }
    }
}
