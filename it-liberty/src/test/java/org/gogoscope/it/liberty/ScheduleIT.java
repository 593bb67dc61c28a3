package org.gogoscope.it.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.Map;
import org.gogoscope.it.common.TickJob;
import org.gogoscope.it.common.Ticks;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A scheduled job once per cluster on Open Liberty, with the server's {@code ManagedScheduledExecutorService}:
 * two applications on one Redis store ({@code ticks-a}, {@code ticks-b}: separate CDI containers, stores and lock
 * owners, i.e. two nodes) fire the same task every four seconds. Over 30 ticks every tick ran exactly once with
 * {@code @Locked(minHold = 2s, onNotAcquired = SKIP)}; without the minimum hold, node b 300 ms late, most ticks ran
 * twice. Runs in application a, which reads both applications' runs from the store.
 */
@ExtendWith(ArquillianExtension.class)
class ScheduleIT {

    private static final int TICKS = 30;
    /** The store both applications share; made on the client only (the test class also runs in the server). */
    private static String store;

    @Inject
    TickJob job;

    static synchronized WebArchive application(String node) {
        if (store == null) {
            store = """
                    gogoscope.store.default.backend=redis
                    gogoscope.store.default.redis.uri=redis://127.0.0.1:6379
                    gogoscope.store.default.key-prefix=%s
                    """.formatted(Deployments.uniquePrefix("ticks"));
        }
        return Deployments.war("ticks-" + node, store + "ticks.node=" + node + "\n", ScheduledTicks.class,
                TickJob.class, Ticks.class);
    }

    @Deployment(name = "a", order = 1)
    static WebArchive a() {
        return application("a");
    }

    @Deployment(name = "b", order = 2, testable = false)
    static WebArchive b() {
        return application("b");
    }

    @Test
    @OperateOnDeployment("a")
    void everyTickRunsOnceAcrossBothApplicationsWithTheMinimumHoldAndTwiceWithoutIt() throws InterruptedException {
        long first = TickJob.tick() + 1;
        long last = first + TICKS - 1;
        while (TickJob.tick() <= last + 1) {
            Thread.sleep(250);
        }
        Map<Long, Integer> once = Ticks.of(String.join("\n", job.runs(TickJob.HELD))).between(first, last);
        System.out.printf("TICKS with the minimum hold: %s%n", once);
        assertEquals(TICKS, once.size());
        assertTrue(Ticks.notExactlyOnce(once).isEmpty(), "ticks that did not run exactly once: "
                + Ticks.notExactlyOnce(once) + " in " + once);
        Map<Long, Integer> control = Ticks.of(String.join("\n", job.runs(TickJob.UNHELD))).between(first, last);
        System.out.printf("TICKS without it, node b %d ms late: %s%n", TickJob.LATE_MILLIS, control);
        assertTrue(Ticks.duplicated(control) >= TICKS / 2, "without the minimum hold the late node should run most "
                + "ticks again: " + control);
    }
}
