package org.gogoscope.it.wildfly;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract on backend {@code mongodb} (mongodb-driver-sync packed in the WAR). No real MongoDB can run on
 * this machine, so the server is mongo-java-server, started in the test JVM on a free port when the deployment
 * is built (client side only, see {@link InProcessMongo}) and stopped when that JVM exits. Read and write
 * concerns are the defaults ({@code majority}).
 */
@ExtendWith(ArquillianExtension.class)
class MongoStoreIT extends WildFlyStoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.storeWar("mongodb", """
                gogoscope.store.default.backend=mongodb
                gogoscope.store.default.mongodb.uri=mongodb://127.0.0.1:%d/gogoscope
                gogoscope.store.default.key-prefix=%s
                """.formatted(InProcessMongo.start(), Deployments.uniquePrefix("mongodb")),
                MongoStoreIT.class);
    }

    @Override
    protected String expectedBackend() {
        return "mongodb";
    }
}
