package org.gogoscope.it.payara;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract on backend {@code mariadb} through Payara's application-scoped, transactional JDBC resource
 * {@code java:app/jdbc/GogoMariaDB} (glassfish-resources.xml in the WAR). The application configures only the JNDI name.
 */
@ExtendWith(ArquillianExtension.class)
class MariaDbStoreIT extends StoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withJdbcResources(Deployments.war("mariadb", """
                gogoscope.store.default.backend=mariadb
                gogoscope.store.default.datasource=java:app/jdbc/GogoMariaDB
                gogoscope.store.default.key-prefix=%s
                """.formatted(Deployments.uniquePrefix("mariadb")),
                MariaDbStoreIT.class, StoreContract.class, StoreContract.Greeting.class));
    }

    @Override
    String expectedBackend() {
        return "mariadb";
    }
}
