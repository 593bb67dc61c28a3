package org.gogoscope.demo.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.annotation.LockNotAcquiredException;

/**
 * Starts report runs in the background and resumes unfinished ones: at start-up (every report still RUNNING in
 * the store) and on a repeated {@code POST}. A resumer retries every second while another run holds the report's
 * lock, and stops once the report is DONE; at most one resumer per report runs on a node.
 */
@ApplicationScoped
public class Reports {

    private static final Logger LOG = Logger.getLogger(Reports.class.getName());

    @Inject
    ReportRunner runner;

    @Inject
    CacheProvider store;

    @Inject
    Node node;

    private final Set<String> resuming = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());

    void resumeUnfinished(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        for (String key : store.keys("report:*")) {
            find(store, key.substring("report:".length()))
                    .filter(r -> r.state() == Report.State.RUNNING)
                    .ifPresent(r -> {
                        LOG.info(() -> "resuming unfinished report " + r.id() + " on " + node.name());
                        resume(r.id());
                    });
        }
    }

    /** Registers the report if it is new and makes sure a run of it is under way (here or on another node). */
    public Report start(String reportId, int steps) {
        Report report = find(store, reportId).orElseGet(() -> {
            Report fresh = new Report(reportId, steps, Report.State.RUNNING, node.name());
            store.set(key(reportId), fresh);
            return fresh;
        });
        if (report.state() == Report.State.RUNNING) {
            resume(reportId);
        }
        return report;
    }

    /** Whether a resumer of this report runs on this node. */
    public boolean runsHere(String reportId) {
        return resuming.contains(reportId);
    }

    private void resume(String reportId) {
        if (!resuming.add(reportId)) {
            return;
        }
        executor.execute(() -> {
            try {
                while (find(store, reportId).map(r -> r.state() == Report.State.RUNNING).orElse(false)) {
                    try {
                        runner.run(reportId);
                    } catch (LockNotAcquiredException | BackendException e) {
                        LOG.fine(() -> "report " + reportId + " not run now: " + e.getMessage());
                        Thread.sleep(1000);
                    }
                }
            } catch (InterruptedException e) {
                LOG.info(() -> "report " + reportId + " interrupted on " + node.name() + "; its checkpoints stay");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "report " + reportId + " failed on " + node.name(), e);
            } finally {
                resuming.remove(reportId);
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    static Optional<Report> find(CacheProvider store, String reportId) {
        return store.get(key(reportId), Report.class);
    }

    static String key(String reportId) {
        return "report:" + reportId;
    }

    /** Daemon threads with the application's class loader as context loader (JSON-B and CDI look it up). */
    private static ThreadFactory daemonThreads() {
        ClassLoader loader = Reports.class.getClassLoader();
        return task -> {
            Thread thread = new Thread(task, "demo-report");
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        };
    }
}
