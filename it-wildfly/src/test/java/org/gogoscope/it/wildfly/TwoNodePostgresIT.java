package org.gogoscope.it.wildfly;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link TwoNodeContract} on backend {@code postgresql}, each node through its own JTA DataSource {@code GogoPostgres}. */
class TwoNodePostgresIT extends TwoNodeContract {

    private static final String CONFIG = config("postgresql",
            "gogoscope.store.default.datasource=java:jboss/datasources/GogoPostgres");

    @Deployment(name = "node1", testable = false)
    @TargetsContainer("node1")
    static WebArchive node1() {
        return application("postgresql", CONFIG);
    }

    @Deployment(name = "node2", testable = false)
    @TargetsContainer("node2")
    static WebArchive node2() {
        return application("postgresql", CONFIG);
    }

    @Override
    protected String backend() {
        return "postgresql";
    }
}
