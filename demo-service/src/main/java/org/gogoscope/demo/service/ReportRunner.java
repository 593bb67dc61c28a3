package org.gogoscope.demo.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.CheckpointProvider;
import org.gogoscope.api.annotation.CurrentLock;
import org.gogoscope.api.annotation.Locked;

/**
 * Runs a report from its latest checkpoint to the end, saving a checkpoint after every step. The run holds lock
 * {@code report-<id>} (6 s TTL kept alive by the watchdog), so only one node works on a report at a time, and a
 * killed node's lock lapses within 6 s for the next run to take over.
 */
@ApplicationScoped
public class ReportRunner {

    @Inject
    CheckpointProvider checkpoints;

    @Inject
    CacheProvider store;

    @Inject
    CurrentLock currentLock;

    @Inject
    LockHolders holders;

    @Inject
    Node node;

    @Inject
    @ConfigProperty(name = "demo.report.step-ms", defaultValue = "1000")
    long stepMillis;

    @Locked(key = "report-{reportId}", ttl = 6, ttlUnit = ChronoUnit.SECONDS, watchdog = true)
    public void run(String reportId) throws InterruptedException {
        Report report = Reports.find(store, reportId).orElseThrow(
                () -> new IllegalArgumentException("reportId: no report " + reportId));
        if (report.state() == Report.State.DONE) {
            return;
        }
        holders.holding("report-" + reportId, currentLock.fencingToken(), Duration.ofSeconds(6));
        try {
            Report.Progress progress = checkpoints.loadLatest(report.taskId(), Report.Progress.class)
                    .map(Checkpoint::data).orElse(Report.Progress.start()).resumedBy(node.name());
            for (int step = progress.completedSteps() + 1; step <= report.steps(); step++) {
                Thread.sleep(stepMillis); // the work of one step
                progress = progress.step(step);
                checkpoints.save(new Checkpoint<>(UUID.randomUUID().toString(), report.taskId(), step, Instant.now(),
                        step * 100 / report.steps(), progress, Duration.ofMillis(stepMillis * (report.steps() - step))));
                checkpoints.cleanup(report.taskId(), 3);
                holders.holding("report-" + reportId, currentLock.fencingToken(), Duration.ofSeconds(6));
            }
            store.set(Reports.key(reportId), report.done());
        } finally {
            holders.released("report-" + reportId);
        }
    }
}
