package org.gogoscope.it.wildfly;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract on backend {@code postgresql} through WildFly's container-managed, JTA-enabled DataSource
 * {@code java:jboss/datasources/GogoPostgres} (PostgreSQL 127.0.0.1:5432 database test; driver installed as a WildFly module by
 * {@code src/test/wildfly/configure.sh}). The application configures only the JNDI name.
 */
@ExtendWith(ArquillianExtension.class)
class PostgresStoreIT extends WildFlyStoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.storeWar("postgresql", """
                gogoscope.store.default.backend=postgresql
                gogoscope.store.default.datasource=java:jboss/datasources/GogoPostgres
                gogoscope.store.default.key-prefix=%s
                """.formatted(Deployments.uniquePrefix("postgresql")),
                PostgresStoreIT.class);
    }

    @Override
    protected String expectedBackend() {
        return "postgresql";
    }
}
