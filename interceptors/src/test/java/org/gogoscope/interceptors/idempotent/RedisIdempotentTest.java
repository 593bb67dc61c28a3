package org.gogoscope.interceptors.idempotent;

import org.gogoscope.interceptors.Nodes;

/** {@link IdempotentTest} with both nodes on the real Redis (127.0.0.1:6379 or {@code -Dredis.uri}). */
class RedisIdempotentTest extends IdempotentTest {

    @Override
    Nodes nodes() {
        return Nodes.onRedis();
    }
}
