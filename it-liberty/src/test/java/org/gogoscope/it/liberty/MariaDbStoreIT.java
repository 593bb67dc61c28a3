package org.gogoscope.it.liberty;

import org.gogoscope.it.common.StoreContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract on backend {@code mariadb} through Liberty's transactional dataSource {@code jdbc/GogoMariaDB}
 * (server.xml: MariaDB 127.0.0.1:3306 database test, MariaDB Connector/J in a shared library). The application
 * configures only the JNDI name.
 */
@ExtendWith(ArquillianExtension.class)
class MariaDbStoreIT extends StoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.storeWar(MariaDbStoreIT.class, "mariadb", "gogoscope.store.default.datasource=jdbc/GogoMariaDB");
    }

    @Override
    protected String expectedBackend() {
        return "mariadb";
    }
}
