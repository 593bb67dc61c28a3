package org.gogoscope.it.wildfly;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract on the in-memory backend, configured explicitly; it proves the harness and the CDI extension. */
@ExtendWith(ArquillianExtension.class)
class MemoryStoreIT extends WildFlyStoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.storeWar("memory", """
                gogoscope.store.default.backend=memory
                gogoscope.store.default.key-prefix=%s
                """.formatted(Deployments.uniquePrefix("memory")),
                MemoryStoreIT.class);
    }

    @Override
    protected String expectedBackend() {
        return "memory";
    }
}
