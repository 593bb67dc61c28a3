package org.gogoscope.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.gogoscope.it.common.Http;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Undeploying an application frees the locks its running calls hold at once, watchdog locks included, instead
 * of leaving them to their TTL (which a watchdog would keep renewing until the thread died): {@code holder.war}
 * runs a two-minute {@code @Locked(watchdog = true)} job with a 30 s TTL on a managed thread and is undeployed;
 * {@code observer.war}, on the same store, sees the lock free right after.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UndeployIT {

    private static final String CONFIG = """
            gogoscope.store.default.backend=postgresql
            gogoscope.store.default.datasource=java:jboss/datasources/GogoPostgres
            gogoscope.store.default.key-prefix=%s
            gogoscope.lock.shutdown-wait=1s
            """.formatted(Deployments.uniquePrefix("undeploy"));

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("observer")
    URL observer;

    static WebArchive application(String name) {
        return Deployments.war(name, CONFIG, HoldApi.class, HoldApi.Hold.class, HoldApi.Locks.class, Holder.class);
    }

    @Deployment(name = "observer", testable = false)
    static WebArchive observer() {
        return application("observer");
    }

    @Deployment(name = "holder", managed = false, testable = false)
    static WebArchive holder() {
        return application("holder");
    }

    @Test
    void anUndeployedApplicationReleasesTheWatchdogLockOfItsRunningJob() throws Exception {
        deployer.deploy("holder");
        URL holder = new URL(observer.toString().replace("/observer/", "/holder/"));
        assertEquals(202, Http.post(holder, "api/hold/nightly-report").status());
        Http.Reply held = Http.get(observer, "api/locks/nightly-report");
        assertEquals(200, held.status(), "held through the other application: " + held.body());

        long undeploying = System.nanoTime();
        deployer.undeploy("holder");
        Http.Reply after = Http.get(observer, "api/locks/nightly-report");
        long freedMillis = (System.nanoTime() - undeploying) / 1_000_000;
        System.out.printf("UNDEPLOY freed the watchdog lock %d ms after the undeploy began (TTL 30 s)%n", freedMillis);
        assertEquals(404, after.status(), "free once the application is gone: " + after.body());
        assertTrue(freedMillis < 15_000, "freed at once, not after the 30 s TTL: " + freedMillis + " ms");
    }
}
