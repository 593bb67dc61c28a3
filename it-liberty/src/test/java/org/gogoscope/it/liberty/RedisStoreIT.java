package org.gogoscope.it.liberty;

import org.gogoscope.it.common.StoreContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract on backend {@code redis} (Redis 127.0.0.1:6379; Jedis and the SLF4J API in the WAR: Liberty gives
 * applications no SLF4J).
 */
@ExtendWith(ArquillianExtension.class)
class RedisStoreIT extends StoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.storeWar(RedisStoreIT.class, "redis", "gogoscope.store.default.redis.uri=redis://127.0.0.1:6379");
    }

    @Override
    protected String expectedBackend() {
        return "redis";
    }
}
