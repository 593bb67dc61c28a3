package org.gogoscope.it.payara;

import org.gogoscope.it.common.StoreContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract on backend {@code sqlite} through Payara's application-scoped, transactional JDBC resource
 * {@code java:app/jdbc/GogoSQLite} (glassfish-resources.xml in the WAR). The application configures only the JNDI name.
 */
@ExtendWith(ArquillianExtension.class)
class SqliteStoreIT extends StoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withJdbcResources(Deployments.storeWar(SqliteStoreIT.class, "sqlite",
                "gogoscope.store.default.datasource=java:app/jdbc/GogoSQLite"));
    }

    @Override
    protected String expectedBackend() {
        return "sqlite";
    }
}
