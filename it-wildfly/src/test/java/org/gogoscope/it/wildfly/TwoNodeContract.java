package org.gogoscope.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gogoscope.it.common.Http;
import org.gogoscope.it.common.Orders;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What two WildFly servers (node1: port offset 1710, node2: 1720, each with its own copy of the configured server
 * directory, see arquillian-two-nodes.xml) running the same application on one backend show over HTTP: what one
 * node does, the other sees. Locks and breaker records through the providers, and the annotations:
 * {@code @Locked} excludes the other node, {@code @Idempotent} replays through the other node what the first one
 * computed, and a {@code @CircuitBreaker} shared with {@code @SharedCircuitBreaker} and opened through one node
 * fails fast through the other without running the method there (WildFly's own SmallRye Fault Tolerance stays in
 * charge of the MicroProfile annotations). Both nodes' {@code /health/ready} list the store UP.
 *
 * <p>A subclass per backend deploys {@link #application} with one store configuration ({@link #config}) to both
 * nodes, as {@code node1} and {@code node2}. The servers stay up for all subclasses; each deploys its own WAR.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class TwoNodeContract {

    /** The management ports of the two nodes, for {@code /health/ready}. */
    private static final int NODE1_MANAGEMENT = 11700;
    private static final int NODE2_MANAGEMENT = 11710;

    @ArquillianResource
    @OperateOnDeployment("node1")
    URL node1;

    @ArquillianResource
    @OperateOnDeployment("node2")
    URL node2;

    /** The backend the subclass configured, as the readiness check names it. */
    protected abstract String backend();

    /**
     * The configuration both nodes share, as two instances of one service would: store {@code default} on
     * {@code backend} with the further lines {@code settings} and one key prefix, unique to the run.
     */
    static String config(String backend, String settings) {
        return """
                gogoscope.store.default.backend=%s
                gogoscope.store.default.key-prefix=%s
                %s
                """.formatted(backend, Deployments.uniquePrefix("two-nodes-" + backend), settings);
    }

    /** The two-node application ({@code two-nodes-<backend>.war}) with the store configuration {@code config}. */
    static WebArchive application(String backend, String config) {
        return Deployments.war("two-nodes-" + backend, config, CoordinationApi.class, CoordinationApi.Locks.class,
                CoordinationApi.Breakers.class, OrdersApi.class, Orders.class, Orders.Receipt.class);
    }

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

    @Test
    void bothNodesListTheStoreUpOnWildFlysReadinessEndpoint() {
        for (int port : new int[] {NODE1_MANAGEMENT, NODE2_MANAGEMENT}) {
            HealthEndpoint health = HealthEndpoint.ready(port);
            assertEquals(200, health.status(), "management port " + port + ": " + health);
            JsonObject store = health.required("gogoscope-store-default");
            assertEquals("UP", store.getString("status"), health.toString());
            assertEquals(backend(), store.getJsonObject("data").getString("backend"), health.toString());
        }
    }
}
