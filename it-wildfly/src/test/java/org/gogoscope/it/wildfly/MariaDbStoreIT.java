package org.gogoscope.it.wildfly;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract on backend {@code mariadb} through WildFly's container-managed, JTA-enabled DataSource
 * {@code java:jboss/datasources/GogoMariaDB} (MariaDB 127.0.0.1:3306 database test, MariaDB Connector/J; driver installed as a WildFly module by
 * {@code src/test/wildfly/configure.sh}). The application configures only the JNDI name.
 */
@ExtendWith(ArquillianExtension.class)
class MariaDbStoreIT extends WildFlyStoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.storeWar("mariadb", """
                gogoscope.store.default.backend=mariadb
                gogoscope.store.default.datasource=java:jboss/datasources/GogoMariaDB
                gogoscope.store.default.key-prefix=%s
                """.formatted(Deployments.uniquePrefix("mariadb")),
                MariaDbStoreIT.class);
    }

    @Override
    protected String expectedBackend() {
        return "mariadb";
    }
}
