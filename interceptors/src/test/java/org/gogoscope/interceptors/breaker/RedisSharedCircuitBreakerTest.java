package org.gogoscope.interceptors.breaker;

import org.gogoscope.interceptors.Nodes;

/**
 * {@link SharedCircuitBreakerTest} with both nodes on the real Redis (127.0.0.1:6379 or {@code -Dredis.uri}),
 * each node with its own pool: a breaker opened on node A fails fast on node B, half-open probes are bounded
 * across the nodes, and so on, with the versioned records stored by {@code gogoscope-redis}.
 */
class RedisSharedCircuitBreakerTest extends SharedCircuitBreakerTest {

    @Override
    Nodes nodes() {
        return Nodes.onRedis();
    }
}
