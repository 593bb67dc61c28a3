package org.gogoscope.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;
import org.gogoscope.it.common.Http;
import org.gogoscope.it.common.TickJob;
import org.gogoscope.it.common.Ticks;
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
 * A scheduled job once per cluster: both WildFly servers run the same EJB {@code @Schedule(second = "*&#47;4")}
 * timer guarded by {@code @Locked(minHold = 2s, onNotAcquired = SKIP)} on PostgreSQL. Over 30 ticks every tick ran
 * exactly once; the same job with the lock but without the minimum hold, node2's timer 300 ms late, ran most ticks
 * twice (the test's own control: it can fail).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoNodeScheduleIT {

    private static final int TICKS = 30;
    private static final String CONFIG = TwoNodeContract.config("postgresql",
            "gogoscope.store.default.datasource=java:jboss/datasources/GogoPostgres");

    @ArquillianResource
    @OperateOnDeployment("ticks1")
    URL node1;

    static WebArchive application() {
        return Deployments.war("ticks", CONFIG, HeldTicks.class, UnheldTicks.class,
                TicksApi.class, TicksApi.Runs.class, TickJob.class);
    }

    @Deployment(name = "ticks1", testable = false)
    @TargetsContainer("node1")
    static WebArchive onNode1() {
        return application();
    }

    @Deployment(name = "ticks2", testable = false)
    @TargetsContainer("node2")
    static WebArchive onNode2() {
        return application();
    }

    @Test
    void everyTickRunsOnceAcrossBothNodesWithTheMinimumHoldAndTwiceWithoutIt() throws InterruptedException {
        long first = TickJob.tick() + 1; // both nodes are deployed: their timers fire from the next tick on
        long last = first + TICKS - 1;
        while (TickJob.tick() <= last + 1) { // one more tick, for the last one's runs to be recorded
            Thread.sleep(250);
        }
        Http.Reply held = Http.get(node1, "api/runs/" + TickJob.HELD);
        Http.Reply unheld = Http.get(node1, "api/runs/" + TickJob.UNHELD);
        assertEquals(200, held.status(), held.body());
        assertEquals(200, unheld.status(), unheld.body());

        Map<Long, Integer> once = Ticks.of(held.body()).between(first, last);
        System.out.printf("TICKS with the minimum hold: %s%n", once);
        assertEquals(TICKS, once.size());
        assertTrue(Ticks.notExactlyOnce(once).isEmpty(), "ticks that did not run exactly once: "
                + Ticks.notExactlyOnce(once) + " in " + once + "\n" + held.body());
        assertTrue(held.body().contains(":node1:") || held.body().contains(":node2:"), held.body());

        Map<Long, Integer> control = Ticks.of(unheld.body()).between(first, last);
        System.out.printf("TICKS without it, node2 %d ms late: %s%n", TickJob.LATE_MILLIS, control);
        assertTrue(Ticks.duplicated(control) >= TICKS / 2, "without the minimum hold the late node should run "
                + "most ticks again: " + control);
    }
}
