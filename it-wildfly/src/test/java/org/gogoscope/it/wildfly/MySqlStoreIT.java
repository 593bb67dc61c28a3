package org.gogoscope.it.wildfly;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract on backend {@code mysql} through WildFly's container-managed, JTA-enabled DataSource
 * {@code java:jboss/datasources/GogoMySQL}: MariaDB 127.0.0.1:3306 database test through MySQL Connector/J, the
 * mysql code path with the other driver (installed as a WildFly module by {@code src/test/wildfly/configure.sh}).
 * The application configures only the JNDI name.
 */
@ExtendWith(ArquillianExtension.class)
class MySqlStoreIT extends WildFlyStoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.storeWar("mysql", """
                gogoscope.store.default.backend=mysql
                gogoscope.store.default.datasource=java:jboss/datasources/GogoMySQL
                gogoscope.store.default.key-prefix=%s
                """.formatted(Deployments.uniquePrefix("mysql")),
                MySqlStoreIT.class);
    }

    @Override
    protected String expectedBackend() {
        return "mysql";
    }
}
