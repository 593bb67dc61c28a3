package org.gogoscope.it.wildfly;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.gogoscope.api.annotation.Locked;
import org.gogoscope.it.common.TickJob;

/**
 * The EJB timer of {@link TwoNodeScheduleIT}, firing every four seconds on every node, whose {@code @Schedule}
 * method carries {@code @Locked} with a two-second minimum hold itself. Bean-managed concurrency: it never waits
 * for the other timer ({@link UnheldTicks}).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HeldTicks {

    @Inject
    TickJob job;

    @Schedule(second = "*/4", minute = "*", hour = "*", persistent = false)
    @Locked(key = "tick-job", ttl = 10, minHold = 2, minHoldUnit = ChronoUnit.SECONDS,
            onNotAcquired = Locked.OnNotAcquired.SKIP)
    public void tick() {
        job.record(TickJob.HELD, TickJob.tick(), node());
    }

    static String node() {
        return System.getProperty("jboss.node.name", "single");
    }
}
