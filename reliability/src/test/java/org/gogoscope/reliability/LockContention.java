package org.gogoscope.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.PersistenceAdapter;

/**
 * Many threads on several nodes take ONE lock key over and over. Inside the critical section each holder
 * increments a plain, unsynchronised counter (read, yield, write: a lost update shows up as a wrong count)
 * and checks that its fencing token is greater than the previous holder's. An occupancy counter records any
 * moment at which two holders were inside at once (a double grant). The only happens-before edge between
 * holders is that occupancy counter, so a correct lock is also what makes the plain counter exact.
 */
final class LockContention {

    /** What one run saw. */
    record Result(long grants, long counter, long attempts, long doubleGrants, long tokenRegressions,
            long lostReleases, long nanos, Throwable failure) {

        double grantsPerSecond() {
            return grants * 1e9 / Math.max(1, nanos);
        }
    }

    private final AtomicInteger occupancy = new AtomicInteger();
    private final AtomicLong grants = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong doubleGrants = new AtomicLong();
    private final AtomicLong tokenRegressions = new AtomicLong();
    private final AtomicLong lostReleases = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private long counter; // deliberately unsynchronised: only the lock protects it
    private long lastToken = Long.MIN_VALUE; // idem

    /**
     * Runs until {@code target} grants were made or {@code maxTime} passed, on {@code threadsPerNode} threads
     * per node, all taking {@code key} with {@code ttl}.
     */
    static Result run(List<PersistenceAdapter> nodes, int threadsPerNode, long target, Duration maxTime, String key,
            Duration ttl) throws InterruptedException {
        return new LockContention().execute(nodes, threadsPerNode, target, maxTime, key, ttl);
    }

    private Result execute(List<PersistenceAdapter> nodes, int threadsPerNode, long target, Duration maxTime,
            String key, Duration ttl) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + maxTime.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (PersistenceAdapter node : nodes) {
            for (int t = 0; t < threadsPerNode; t++) {
                Thread thread = new Thread(() -> work(node, target, deadline, key, ttl),
                        "contender-" + node.backend() + "-" + threads.size());
                threads.add(thread);
                thread.start();
            }
        }
        for (Thread thread : threads) {
            thread.join(maxTime.toMillis() + 60_000);
            if (thread.isAlive()) {
                failure.compareAndSet(null, new AssertionError(thread.getName() + " did not finish"));
                thread.interrupt();
            }
        }
        long nanos = System.nanoTime() - start;
        synchronized (this) { // only to read the plain fields after the joins, which already ordered them
            return new Result(grants.get(), counter, attempts.get(), doubleGrants.get(), tokenRegressions.get(),
                    lostReleases.get(), nanos, failure.get());
        }
    }

    private void work(PersistenceAdapter node, long target, long deadline, String key, Duration ttl) {
        String owner = Thread.currentThread().getName() + "@" + System.identityHashCode(node);
        try {
            while (grants.get() < target && System.nanoTime() < deadline && failure.get() == null) {
                attempts.incrementAndGet();
                Optional<LockHandle> granted = node.locks().acquire(key, ttl, owner);
                if (granted.isEmpty()) {
                    // back off a little: two cores are shared with other builds
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000, 400_000));
                    continue;
                }
                LockHandle handle = granted.get();
                criticalSection(handle.fencingToken());
                if (!handle.release()) {
                    lostReleases.incrementAndGet();
                }
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    private void criticalSection(long token) {
        if (occupancy.incrementAndGet() != 1) {
            doubleGrants.incrementAndGet();
        }
        if (token <= lastToken) {
            tokenRegressions.incrementAndGet();
        }
        lastToken = token;
        long read = counter;
        if ((read & 7) == 0) {
            Thread.yield(); // widen the window in which a second holder would lose an update
        }
        counter = read + 1;
        grants.incrementAndGet();
        occupancy.decrementAndGet();
    }

    static long longProperty(String name, long fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
    }

    static Duration seconds(String name, long fallback) {
        return Duration.ofSeconds(longProperty(name, fallback));
    }

    static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
