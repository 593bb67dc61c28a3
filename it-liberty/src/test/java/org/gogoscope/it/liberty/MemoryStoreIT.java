package org.gogoscope.it.liberty;

import org.gogoscope.it.common.StoreContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract on the in-memory backend, configured explicitly; it proves the harness and the CDI extension.
 */
@ExtendWith(ArquillianExtension.class)
class MemoryStoreIT extends StoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.storeWar(MemoryStoreIT.class, "memory", "");
    }

    @Override
    protected String expectedBackend() {
        return "memory";
    }
}
