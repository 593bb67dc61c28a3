package org.gogoscope.jpa;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gogoscope.api.MessageCode;

/**
 * Keeps the tables of expired rows bounded, off the callers' threads: one daemon thread per adapter, started at
 * connect and stopped at disconnect. Every {@code purge.interval} (from the start of one run to the start of the
 * next) a run deletes the expired rows of each table in
 * batches, for as long as it finds full batches, up to {@value #BATCHES_PER_RUN} batches per table; a run that
 * stopped at that budget is followed at once by the next, so the purge keeps up with any rate of expiry while
 * no statement of the run is longer than one batch. So between runs at most about
 * {@code expiry rate x purge.interval} expired rows accumulate per table, plus less than one batch a run left. A failed run is logged and the next
 * one tries again.
 */
final class PurgeSchedule implements AutoCloseable {

    /** Batches per table in one run, before the thread yields to the next run. */
    static final int BATCHES_PER_RUN = 20;

    private static final System.Logger LOG = System.getLogger(PurgeSchedule.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final List<Purger> purgers;
    private final long intervalMillis;
    private final ScheduledExecutorService thread;

    /**
     * @param intervalMillis time between runs; 0 starts no thread (expired rows are then left to the operator)
     */
    PurgeSchedule(String backend, List<Purger> purgers, long intervalMillis) {
        this.purgers = List.copyOf(purgers);
        this.intervalMillis = intervalMillis;
        if (intervalMillis <= 0) {
            this.thread = null;
            return;
        }
        ThreadFactory factory = runnable -> {
            Thread t = new Thread(runnable, "gogoscope-purge-" + backend + "-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.thread = Executors.newSingleThreadScheduledExecutor(factory);
        thread.schedule(this::run, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** One run over every table; schedules the next. */
    private void run() {
        long started = System.nanoTime();
        boolean behind = false;
        try {
            behind = runOnce();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, MessageCode.PURGE_FAILED.format("Purging expired rows failed; retrying next "
                    + "interval"), e);
        } finally {
            if (!thread.isShutdown()) {
                try {
                    // the next run starts one interval after this one started, not after it ended, so a run's own
                    // duration does not add to the expired rows that wait between runs
                    long spentMillis = (System.nanoTime() - started) / 1_000_000;
                    thread.schedule(this::run, behind ? 0 : Math.max(0, intervalMillis - spentMillis),
                            TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // closed meanwhile
                }
            }
        }
    }

    /**
     * Purges each table until a batch is not full or the run's budget is spent.
     *
     * @return whether some table still had full batches when the budget ran out
     */
    boolean runOnce() {
        boolean behind = false;
        for (Purger purger : purgers) {
            for (int batch = 0; batch < BATCHES_PER_RUN && !Thread.currentThread().isInterrupted(); batch++) {
                if (!purger.full(purger.purgeNow())) {
                    break;
                }
                behind |= batch == BATCHES_PER_RUN - 1;
            }
        }
        return behind;
    }

    /** Stops the thread, waiting a little for a run in progress. */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
