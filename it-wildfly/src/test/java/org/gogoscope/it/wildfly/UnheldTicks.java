package org.gogoscope.it.wildfly;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.gogoscope.it.common.TickJob;

/**
 * The control timer of {@link TwoNodeScheduleIT}: every four seconds on every node it calls the job's lock without
 * a minimum hold, {@value TickJob#LATE_MILLIS} ms late on node2.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UnheldTicks {

    @Inject
    TickJob job;

    @Schedule(second = "*/4", minute = "*", hour = "*", persistent = false)
    public void tick() throws InterruptedException {
        long tick = TickJob.tick();
        if (HeldTicks.node().equals("node2")) {
            Thread.sleep(TickJob.LATE_MILLIS);
        }
        job.runWithoutMinHold(tick, HeldTicks.node());
    }
}
