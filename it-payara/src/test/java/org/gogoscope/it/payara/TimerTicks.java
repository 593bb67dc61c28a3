package org.gogoscope.it.payara;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.gogoscope.api.annotation.Locked;
import org.gogoscope.it.common.TickJob;

/**
 * The EJB timers of {@link ScheduleIT}: every four seconds two timers, {@code a} and {@code b}, fire the same job
 * whose {@code @Schedule} method carries {@code @Locked} with a two-second minimum hold itself. Every grant has its
 * own lock owner, so the two timers contend for the lock exactly as two nodes' timers do. Two more timers run the
 * control, the same lock without the hold, {@code b} {@value TickJob#LATE_MILLIS} ms late. Bean-managed
 * concurrency: no timer waits for another; container-managed transactions (the default): each timer runs in
 * one.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TimerTicks {

    @Inject
    TickJob job;

    @Schedule(second = "*/4", minute = "*", hour = "*", persistent = false)
    @Locked(key = "tick-job", ttl = 10, minHold = 2, minHoldUnit = ChronoUnit.SECONDS,
            onNotAcquired = Locked.OnNotAcquired.SKIP)
    public void heldA() {
        job.record(TickJob.HELD, TickJob.tick(), "a");
    }

    @Schedule(second = "*/4", minute = "*", hour = "*", persistent = false)
    @Locked(key = "tick-job", ttl = 10, minHold = 2, minHoldUnit = ChronoUnit.SECONDS,
            onNotAcquired = Locked.OnNotAcquired.SKIP)
    public void heldB() {
        job.record(TickJob.HELD, TickJob.tick(), "b");
    }

    @Schedule(second = "*/4", minute = "*", hour = "*", persistent = false)
    public void unheldA() {
        job.runWithoutMinHold(TickJob.tick(), "a");
    }

    @Schedule(second = "*/4", minute = "*", hour = "*", persistent = false)
    public void unheldB() throws InterruptedException {
        long tick = TickJob.tick();
        Thread.sleep(TickJob.LATE_MILLIS);
        job.runWithoutMinHold(tick, "b");
    }
}
