package org.gogoscope.it.payara;

import jakarta.inject.Inject;
import org.gogoscope.it.common.TickJob;
import org.gogoscope.it.common.Ticks;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A scheduled job once per cluster on Payara, with EJB {@code @Schedule} timers ({@link TimerTicks}): two timers
 * fire the same {@code @Locked(minHold = 2s, onNotAcquired = SKIP)} job every four seconds on one Redis store, each
 * grant with its own lock owner, as two nodes would. Over {@value #TICKS} ticks every tick ran exactly once; the
 * control without the minimum hold, one timer 300 ms late, ran most ticks twice (so the test can fail).
 */
@ExtendWith(ArquillianExtension.class)
class ScheduleIT {

    private static final int TICKS = 20;

    @Inject
    TickJob job;

    @Deployment
    static WebArchive deployment() {
        return Deployments.interceptedWar("ticks", """
                gogoscope.store.default.backend=redis
                gogoscope.store.default.redis.uri=redis://127.0.0.1:6379
                gogoscope.store.default.key-prefix=%s
                """.formatted(Deployments.uniquePrefix("ticks")), ScheduleIT.class, TimerTicks.class, TickJob.class,
                Ticks.class);
    }

    @Test
    void everyTickRunsOnceWithTheMinimumHoldAndTwiceWithoutIt() throws InterruptedException {
        Ticks.judgeInServer(job, TICKS);
    }
}
