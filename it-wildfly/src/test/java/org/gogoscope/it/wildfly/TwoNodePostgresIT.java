package org.gogoscope.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two WildFly servers (port offsets 1710 and 1720, each with its own copy of the configured server directory,
 * see arquillian-two-nodes.xml) run the same application against one PostgreSQL database through their own
 * container-managed DataSource. The test acts through both over HTTP: what one node does, the other sees.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoNodePostgresIT {

    /** Both nodes use the same store configuration, as two instances of one service would. */
    private static final String CONFIG = """
            gogoscope.store.default.backend=postgresql
            gogoscope.store.default.datasource=java:jboss/datasources/GogoPostgres
            gogoscope.store.default.key-prefix=%s
            """.formatted(Deployments.uniquePrefix("two-nodes"));

    @Deployment(name = "node1", testable = false)
    @TargetsContainer("node1")
    static WebArchive node1() {
        return application();
    }

    @Deployment(name = "node2", testable = false)
    @TargetsContainer("node2")
    static WebArchive node2() {
        return application();
    }

    private static WebArchive application() {
        return Deployments.war("coordination", CONFIG, CoordinationApi.class, CoordinationApi.Locks.class,
                CoordinationApi.Breakers.class);
    }

    @ArquillianResource
    @OperateOnDeployment("node1")
    URL node1;

    @ArquillianResource
    @OperateOnDeployment("node2")
    URL node2;

    @Test
    void aLockHeldThroughOneNodeIsRefusedThroughTheOther() {
        Http.Reply granted = Http.post(node1, "api/locks/order-42?owner=alice&ttlMs=30000");
        assertEquals(200, granted.status(), granted.body());

        Http.Reply refused = Http.post(node2, "api/locks/order-42?owner=bob&ttlMs=30000");
        assertEquals(409, refused.status(), refused.body());

        assertEquals(404, Http.delete(node2, "api/locks/order-42?owner=bob").status(),
                "bob must not release alice's lock");
        assertEquals(200, Http.delete(node2, "api/locks/order-42?owner=alice").status(),
                "the owner may release through any node");

        Http.Reply regranted = Http.post(node2, "api/locks/order-42?owner=bob&ttlMs=30000");
        assertEquals(200, regranted.status(), regranted.body());
        assertTrue(Long.parseLong(regranted.body()) > Long.parseLong(granted.body()),
                "fencing tokens grow across nodes: " + granted.body() + " then " + regranted.body());
        assertEquals(409, Http.post(node1, "api/locks/order-42?owner=alice&ttlMs=30000").status());
        assertEquals(200, Http.delete(node1, "api/locks/order-42?owner=bob").status());
    }

    @Test
    void breakerFailuresRecordedThroughBothNodesOpenOneSharedBreaker() {
        assertEquals("1", Http.post(node1, "api/breakers/inventory/failures?max=3").body());
        assertEquals("2", Http.post(node2, "api/breakers/inventory/failures?max=3").body());
        assertEquals("CLOSED 2", Http.get(node1, "api/breakers/inventory").body());
        assertEquals("3", Http.post(node1, "api/breakers/inventory/failures?max=3").body());
        assertEquals("OPEN 3", Http.get(node2, "api/breakers/inventory").body());
    }
}
