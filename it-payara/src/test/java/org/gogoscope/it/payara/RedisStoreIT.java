package org.gogoscope.it.payara;

import org.gogoscope.it.common.StoreContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract on backend {@code redis} (Redis 127.0.0.1:6379, Jedis packed in the WAR). Redis has no
 * transactions to join, so the rollback test shows that nothing in the library depends on one.
 */
@ExtendWith(ArquillianExtension.class)
class RedisStoreIT extends StoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.storeWar(RedisStoreIT.class, "redis",
                "gogoscope.store.default.redis.uri=redis://127.0.0.1:6379");
    }

    @Override
    protected String expectedBackend() {
        return "redis";
    }
}
