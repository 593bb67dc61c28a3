package org.gogoscope.it.liberty;

import org.gogoscope.it.common.StoreContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract on backend {@code mysql} through Liberty's transactional dataSource {@code jdbc/GogoMySQL}
 * (server.xml: the same MariaDB through MySQL Connector/J, the mysql code path with the other driver). The
 * application configures only the JNDI name.
 */
@ExtendWith(ArquillianExtension.class)
class MySqlStoreIT extends StoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.storeWar(MySqlStoreIT.class, "mysql", "gogoscope.store.default.datasource=jdbc/GogoMySQL");
    }

    @Override
    protected String expectedBackend() {
        return "mysql";
    }
}
