package org.gogoscope.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WildFly's own MicroProfile Health endpoint ({@code /health/ready} on the management interface of the one-node
 * server, port 11690, see arquillian.xml) lists the extension's readiness check of every store of a deployment
 * next to WildFly's server checks, UP or DOWN.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    /** The management port of the one-node server (port offset 1700). */
    private static final int MANAGEMENT_PORT = 11690;

    @ArquillianResource
    Deployer deployer;

    /** Store {@code default} on PostgreSQL (injected, connected at deployment), {@code sessions} on Redis. */
    @Deployment(name = "health", testable = false)
    static WebArchive health() {
        return Deployments.war("health", """
                gogoscope.store.default.backend=postgresql
                gogoscope.store.default.datasource=java:jboss/datasources/GogoPostgres
                gogoscope.store.default.key-prefix=%s
                gogoscope.store.sessions.backend=redis
                gogoscope.store.sessions.redis.uri=redis://127.0.0.1:6379
                gogoscope.store.sessions.key-prefix=%s
                """.formatted(Deployments.uniquePrefix("health-postgresql"), Deployments.uniquePrefix("health-redis")),
                LockUser.class);
    }

    /**
     * Store {@code spare} on a Redis port nothing listens on, which nothing injects, in an application without
     * gogoscope-interceptors. Only then does the WAR deploy: the extension connects every store that is used at
     * deployment and fails the deployment when one cannot connect, and the interceptors use every store (they
     * look the providers up through {@code @Any Instance<...>}). An unused store is connected on first use.
     */
    @Deployment(name = "spare-down", managed = false, testable = false)
    static WebArchive spareDown() {
        WebArchive war = Deployments.war("spare-down", """
                gogoscope.store.spare.backend=redis
                gogoscope.store.spare.redis.uri=redis://127.0.0.1:1
                gogoscope.store.spare.key-prefix=%s
                """.formatted(Deployments.uniquePrefix("health-spare")));
        List<ArchivePath> interceptors = List.copyOf(
                war.getContent(path -> path.get().startsWith("/WEB-INF/lib/gogoscope-interceptors")).keySet());
        assertEquals(1, interceptors.size(), "gogoscope-interceptors jar in " + war.toString(true));
        interceptors.forEach(war::delete);
        return war;
    }

    /**
     * Store {@code default} on a DataSource that does not exist, used by {@link LockUser}: the extension fails the
     * deployment. It has a readiness check bean all the same.
     */
    @Deployment(name = "failing", managed = false, testable = false)
    static WebArchive failing() {
        return Deployments.war("health-failing", """
                gogoscope.store.default.backend=postgresql
                gogoscope.store.default.datasource=java:jboss/datasources/NoSuchDataSource
                gogoscope.store.default.key-prefix=%s
                """.formatted(Deployments.uniquePrefix("health-failing")), LockUser.class);
    }

    @Test
    void everyStoreOfTheDeploymentIsListedUpByWildFlysReadinessEndpoint() {
        HealthEndpoint health = HealthEndpoint.ready(MANAGEMENT_PORT);
        assertEquals(200, health.status(), health.toString());
        assertEquals("UP", health.overall(), health.toString());

        JsonObject postgres = health.required("gogoscope-store-default");
        assertEquals("UP", postgres.getString("status"), health.toString());
        assertEquals("postgresql", postgres.getJsonObject("data").getString("backend"));
        assertTrue(postgres.getJsonObject("data").getBoolean("reachable"));

        JsonObject redis = health.required("gogoscope-store-sessions");
        assertEquals("UP", redis.getString("status"), health.toString());
        assertEquals("redis", redis.getJsonObject("data").getString("backend"));

        assertFalse(health.names().contains("ready-deployment.health.war"),
                "WildFly adds its default check only to a deployment without readiness checks: " + health);
    }

    /**
     * WildFly's health subsystem registers a deployment's checks in the server-wide reporter and removes them only
     * when the deployment stops, never when it fails to start; a check left behind would make every later
     * {@code /health/ready} fail (HTTP 500, its deployment's classes gone). The extension fails the deployment
     * before the health subsystem has registered anything.
     */
    @Test
    void aFailedDeploymentLeavesNoCheckBehind() {
        String message = assertThrows(Exception.class, () -> deployer.deploy("failing")).getMessage();
        assertTrue(message.contains("java:jboss/datasources/NoSuchDataSource"), message);

        HealthEndpoint health = HealthEndpoint.ready(MANAGEMENT_PORT);
        assertEquals(200, health.status(), health.toString());
        assertEquals("UP", health.required("gogoscope-store-default").getString("status"), health.toString());
        assertEquals(1, health.names().stream().filter(n -> n.equals("gogoscope-store-default")).count(),
                "only health.war's store default: " + health);
    }

    @Test
    void anUnreachableStoreMakesTheServerNotReadyNamingTheStore() {
        deployer.deploy("spare-down");
        try {
            HealthEndpoint health = HealthEndpoint.ready(MANAGEMENT_PORT);
            assertEquals(503, health.status(), health.toString());
            assertEquals("DOWN", health.overall(), health.toString());

            JsonObject spare = health.required("gogoscope-store-spare");
            assertEquals("DOWN", spare.getString("status"), health.toString());
            JsonObject data = spare.getJsonObject("data");
            assertEquals("redis", data.getString("backend"));
            assertFalse(data.getBoolean("reachable"));
            assertTrue(data.getString("error").contains("127.0.0.1:1"), health.toString());

            assertEquals("UP", health.required("gogoscope-store-sessions").getString("status"),
                    "the other deployment's stores stay UP: " + health);
        } finally {
            deployer.undeploy("spare-down");
        }
        HealthEndpoint after = HealthEndpoint.ready(MANAGEMENT_PORT);
        assertEquals(200, after.status(), "the check goes with its deployment: " + after);
        assertFalse(after.names().contains("gogoscope-store-spare"), after.toString());
    }
}
