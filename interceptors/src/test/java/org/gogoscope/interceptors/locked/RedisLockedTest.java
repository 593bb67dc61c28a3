package org.gogoscope.interceptors.locked;

import org.gogoscope.interceptors.Nodes;

/** {@link LockedTest} with both nodes on the real Redis (127.0.0.1:6379 or {@code -Dredis.uri}). */
class RedisLockedTest extends LockedTest {

    @Override
    Nodes nodes() {
        return Nodes.onRedis();
    }
}
