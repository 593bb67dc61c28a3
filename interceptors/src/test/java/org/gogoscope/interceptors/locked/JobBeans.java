package org.gogoscope.interceptors.locked;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gogoscope.api.annotation.CurrentLock;
import org.gogoscope.api.annotation.Locked;

/** A job every node runs, as a scheduled job is: once per cluster thanks to the minimum hold. */
public final class JobBeans {

    private JobBeans() {
    }

    @ApplicationScoped
    public static class Job {
        static final AtomicInteger RUNS = new AtomicInteger();

        @Inject
        CurrentLock lock;

        /** A 5 ms job held for at least 600 ms. */
        @Locked(key = "job-{tick}", ttl = 5, minHold = 600, minHoldUnit = ChronoUnit.MILLIS,
                onNotAcquired = Locked.OnNotAcquired.SKIP)
        public void run(long tick) throws InterruptedException {
            RUNS.incrementAndGet();
            Thread.sleep(5);
        }

        /** The same without the minimum hold: released when it ends. */
        @Locked(key = "job-{tick}", ttl = 5, onNotAcquired = Locked.OnNotAcquired.SKIP)
        public void runWithoutMinHold(long tick) throws InterruptedException {
            RUNS.incrementAndGet();
            Thread.sleep(5);
        }

        /** A stage that completes after 50 ms, held for at least 400 ms from the grant. */
        @Locked(key = "async-{tick}", ttl = 5, minHold = 400, minHoldUnit = ChronoUnit.MILLIS)
        public CompletionStage<Long> runAsync(long tick) {
            long token = lock.fencingToken();
            return CompletableFuture.supplyAsync(() -> token,
                    CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        }

        /** Refused with who holds the lock. */
        @Locked(key = "report-{id}", reportHolder = true)
        public long report(String id) {
            return lock.fencingToken();
        }

        /** Holds its lock, kept alive by the watchdog, until {@code release} opens. */
        @Locked(key = "long-{id}", ttl = 300, ttlUnit = ChronoUnit.MILLIS, watchdog = true)
        public long longRunning(String id, CountDownLatch entered, CountDownLatch release) throws Exception {
            long token = lock.fencingToken(); // the container may be gone when the wait ends
            entered.countDown();
            release.await(30, TimeUnit.SECONDS);
            return token;
        }

        @Locked(key = "long-{id}", ttl = 30)
        public long quick(String id) {
            return lock.fencingToken();
        }

        /** Watchdog and minimum hold: a 300 ms TTL kept alive while it runs {@code millis}, then at least 300 ms. */
        @Locked(key = "kept-{id}", ttl = 300, ttlUnit = ChronoUnit.MILLIS, watchdog = true, minHold = 300,
                minHoldUnit = ChronoUnit.MILLIS)
        public void keptAlive(String id, long millis) throws InterruptedException {
            Thread.sleep(millis);
        }

        /** Skipped, not refused, while the application stops. */
        @Locked(key = "tick-{id}", onNotAcquired = Locked.OnNotAcquired.SKIP)
        public void tick(String id) {
            RUNS.incrementAndGet();
        }

        /** Ends at once; its lock ends with the caller's transaction if there is one. */
        @Locked(key = "tx-{id}", ttl = 30)
        public long inTransaction(String id) {
            return lock.fencingToken();
        }

        /** The same, kept alive by the watchdog on a 300 ms TTL. */
        @Locked(key = "tx-{id}", ttl = 300, ttlUnit = ChronoUnit.MILLIS, watchdog = true)
        public void watchedInTransaction(String id) {
        }

        /** The same with a minimum hold of 500 ms. */
        @Locked(key = "tx-{id}", ttl = 5, minHold = 500, minHoldUnit = ChronoUnit.MILLIS)
        public void heldInTransaction(String id) {
        }

        /** Fails; its lock still ends with the caller's transaction. */
        @Locked(key = "tx-{id}", ttl = 30)
        public void failsInTransaction(String id) {
            throw new IllegalStateException("job failed");
        }
    }
}
