package org.gogoscope.it.payara;

import org.gogoscope.it.common.StoreContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract on backend {@code postgresql} through Payara's application-scoped, transactional JDBC resource
 * {@code java:app/jdbc/GogoPostgres} (glassfish-resources.xml in the WAR). The application configures only the JNDI name.
 */
@ExtendWith(ArquillianExtension.class)
class PostgresStoreIT extends StoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withJdbcResources(Deployments.storeWar(PostgresStoreIT.class, "postgresql",
                "gogoscope.store.default.datasource=java:app/jdbc/GogoPostgres"));
    }

    @Override
    protected String expectedBackend() {
        return "postgresql";
    }
}
