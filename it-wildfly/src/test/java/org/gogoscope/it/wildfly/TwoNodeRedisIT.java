package org.gogoscope.it.wildfly;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link TwoNodeContract} on backend {@code redis}: Redis 127.0.0.1:6379, each node with its own Jedis pool. */
class TwoNodeRedisIT extends TwoNodeContract {

    private static final String CONFIG = config("redis", "gogoscope.store.default.redis.uri=redis://127.0.0.1:6379");

    @Deployment(name = "node1", testable = false)
    @TargetsContainer("node1")
    static WebArchive node1() {
        return application("redis", CONFIG);
    }

    @Deployment(name = "node2", testable = false)
    @TargetsContainer("node2")
    static WebArchive node2() {
        return application("redis", CONFIG);
    }

    @Override
    protected String backend() {
        return "redis";
    }
}
