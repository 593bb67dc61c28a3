package org.gogoscope.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * The annotations across two WildFly nodes sharing one PostgreSQL database (same servers as
 * {@link TwoNodePostgresIT}): {@code @Locked} excludes the other node, {@code @Idempotent} replays through the
 * other node what the first one computed, and a {@code @CircuitBreaker} shared with
 * {@code @SharedCircuitBreaker} and opened through one node fails fast through the other, without running the
 * method there. WildFly's own SmallRye Fault Tolerance stays in charge of the MicroProfile annotations.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoNodeInterceptorsIT {

    private static final String CONFIG = """
            gogoscope.store.default.backend=postgresql
            gogoscope.store.default.datasource=java:jboss/datasources/GogoPostgres
            gogoscope.store.default.key-prefix=%s
            """.formatted(Deployments.uniquePrefix("two-nodes-interceptors"));

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
        return Deployments.war("orders", CONFIG, OrdersApplication.class, OrdersApi.class, Orders.class,
                Orders.Receipt.class);
    }

    @ArquillianResource
    @OperateOnDeployment("node1")
    URL node1;

    @ArquillianResource
    @OperateOnDeployment("node2")
    URL node2;

    @Test
    void aLockedJobRunningOnOneNodeIsRefusedOnTheOther() throws Exception {
        CompletableFuture<Http.Reply> longJob = CompletableFuture.supplyAsync(
                () -> Http.post(node1, "api/orders/jobs/nightly?holdMs=4000"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!Http.get(node1, "api/orders/jobs/running").body().equals("1")) {
            assertTrue(System.nanoTime() < deadline, "the job did not start on node1 within 15 s");
            assertTrue(!longJob.isDone(), "the job ended before it was seen running: " + longJob.getNow(null));
            TimeUnit.MILLISECONDS.sleep(50);
        }
        Http.Reply refused = Http.post(node2, "api/orders/jobs/nightly?holdMs=0");
        assertEquals(409, refused.status(), refused.body());

        Http.Reply first = longJob.get(30, TimeUnit.SECONDS);
        assertEquals(200, first.status(), first.body());
        Http.Reply second = Http.post(node2, "api/orders/jobs/nightly?holdMs=0");
        assertEquals(200, second.status(), second.body());
        assertTrue(Long.parseLong(second.body()) > Long.parseLong(first.body()),
                "fencing tokens grow across nodes: " + first.body() + " then " + second.body());
    }

    @Test
    void anIdempotentCallIsReplayedThroughTheOtherNode() {
        Http.Reply first = Http.post(node1, "api/orders/payments/r-17?amount=250");
        assertEquals(200, first.status(), first.body());
        assertEquals("r-17 250 node1 1", first.body());

        Http.Reply replay = Http.post(node2, "api/orders/payments/r-17?amount=250");
        assertEquals(200, replay.status(), replay.body());
        assertEquals("r-17 250 node1 1", replay.body(), "node2 must replay node1's result, not run again");

        Http.Reply other = Http.post(node2, "api/orders/payments/r-17?amount=999");
        assertEquals(422, other.status(), "same key, other arguments: " + other.body());

        Http.Reply fresh = Http.post(node2, "api/orders/payments/r-18?amount=1");
        assertEquals("r-18 1 node2 1", fresh.body(), "node2 ran no payment before this one");
    }

    @Test
    void aBreakerOpenedThroughOneNodeFailsFastThroughTheOther() {
        for (int i = 0; i < 4; i++) {
            assertEquals(500, Http.post(node1, "api/orders/inventory?fail=true").status(), "failure " + (i + 1));
        }
        assertEquals("4", Http.get(node1, "api/orders/inventory/calls").body());

        Http.Reply failFast = Http.post(node2, "api/orders/inventory?fail=false");
        assertEquals(503, failFast.status(), "node2 must see the breaker node1 opened: " + failFast.body());
        assertEquals("0", Http.get(node2, "api/orders/inventory/calls").body(),
                "an open breaker must not run the method");
        assertEquals(503, Http.post(node1, "api/orders/inventory?fail=false").status());
    }
}
