package org.gogoscope.it.wildfly;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract on backend {@code sqlite} through WildFly's container-managed, JTA-enabled DataSource
 * {@code java:jboss/datasources/GogoSQLite} (SQLite file target/sqlite/gogoscope.db, sqlite-jdbc; driver installed as a WildFly module by
 * {@code src/test/wildfly/configure.sh}). The application configures only the JNDI name.
 */
@ExtendWith(ArquillianExtension.class)
class SqliteStoreIT extends WildFlyStoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.storeWar("sqlite", """
                gogoscope.store.default.backend=sqlite
                gogoscope.store.default.datasource=java:jboss/datasources/GogoSQLite
                gogoscope.store.default.key-prefix=%s
                """.formatted(Deployments.uniquePrefix("sqlite")),
                SqliteStoreIT.class);
    }

    @Override
    protected String expectedBackend() {
        return "sqlite";
    }
}
