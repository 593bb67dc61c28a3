package org.gogoscope.cdi;

import java.util.Map;

/** Redis 127.0.0.1:6379; isolation by key prefix (never FLUSHALL). */
class RedisBootTest extends BackendBootTest {

    @Override
    protected String backend() {
        return "redis";
    }

    @Override
    protected Map<String, String> connection(String store) {
        return Map.of("redis.uri", "redis://127.0.0.1:6379", "redis.pool-size", "4");
    }

    @Override
    protected int serverPort() {
        return 6379;
    }
}
