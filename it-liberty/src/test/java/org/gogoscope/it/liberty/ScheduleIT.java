package org.gogoscope.it.liberty;

import jakarta.inject.Inject;
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
        Ticks.judgeInServer(job, TICKS);
    }
}
