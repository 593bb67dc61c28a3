package org.gogoscope.it.liberty;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gogoscope.it.common.TickJob;

/**
 * The scheduling of {@link ScheduleIT}: when the application starts, two tasks of the server's
 * {@code ManagedScheduledExecutorService} fire every four seconds, on the period's boundaries: the job guarded with
 * the minimum hold, and the control without it (node {@code b} {@value TickJob#LATE_MILLIS} ms late).
 */
@ApplicationScoped
public class ScheduledTicks {

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    TickJob job;

    @Inject
    @ConfigProperty(name = "ticks.node")
    String node;

    private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long delay = TickJob.PERIOD_MILLIS - System.currentTimeMillis() % TickJob.PERIOD_MILLIS;
        scheduled.add(executor.scheduleAtFixedRate(() -> job.runOncePerCluster(node), delay, TickJob.PERIOD_MILLIS,
                TimeUnit.MILLISECONDS));
        scheduled.add(executor.scheduleAtFixedRate(this::late, delay, TickJob.PERIOD_MILLIS, TimeUnit.MILLISECONDS));
    }

    private void late() {
        long tick = TickJob.tick();
        if (node.equals("b")) {
            try {
                Thread.sleep(TickJob.LATE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        job.runWithoutMinHold(tick, node);
    }

    @PreDestroy
    void stop() {
        scheduled.forEach(task -> task.cancel(true));
    }
}
