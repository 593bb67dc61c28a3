package org.gogoscope.it.wildfly;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link TwoNodeContract} on backend {@code mariadb}, each node through its own JTA DataSource {@code GogoMariaDB}. */
class TwoNodeMariaDbIT extends TwoNodeContract {

    private static final String CONFIG = config("mariadb",
            "gogoscope.store.default.datasource=java:jboss/datasources/GogoMariaDB");

    @Deployment(name = "node1", testable = false)
    @TargetsContainer("node1")
    static WebArchive node1() {
        return application("mariadb", CONFIG);
    }

    @Deployment(name = "node2", testable = false)
    @TargetsContainer("node2")
    static WebArchive node2() {
        return application("mariadb", CONFIG);
    }

    @Override
    protected String backend() {
        return "mariadb";
    }
}
