package org.gogoscope.interceptors;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.CircuitRecord;

/**
 * One node's view of one shared breaker: MicroProfile semantics over a {@link BreakerDocument} updated by
 * compare-and-set.
 *
 * <h2>Staleness</h2>
 * With staleness {@code 0} (the default) every call reads the document before it runs and writes its outcome
 * after (usually 2 round trips). With staleness {@code s > 0}, a node reuses a document it read less than
 * {@code s} ago: while it says CLOSED, calls run without a round trip and successes are counted locally and
 * written in one batch by the first call that ends {@code s} or more after the first of them; a failure is
 * written at once, together with the batch. While it says OPEN and the delay has not passed, calls fail fast without a
 * round trip. Half-open permits always go to the backend. So another node's opening is seen at most {@code s}
 * late, and successes are up to {@code s} late in the window.
 *
 * <h2>Outcomes known before the call returns</h2>
 * When the host's {@code @Timeout} interrupts a call, the host has already decided its outcome and may start the
 * next call (a Retry attempt) at once, before the interrupted method returns. {@link #recordSoon} writes such an
 * outcome on another thread at once, and {@link #acquire} on this node first waits for outcomes being written
 * (at most {@link #RECORD_WAIT_MILLIS} ms), so a call that starts after the host saw a timeout sees it counted,
 * as it would with the host's own breaker.
 */
final class SharedBreaker {

    private static final System.Logger LOG = System.getLogger(SharedBreaker.class.getName());
    private static final int ATTEMPTS = 32;
    /** The longest {@link #acquire} waits for outcomes being written by {@link #recordSoon}. */
    static final long RECORD_WAIT_MILLIS = 1_000;
    private static final Executor RECORDERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "gogoscope-breaker-recorder");
        thread.setDaemon(true);
        return thread;
    });

    /** What a call may do. */
    enum Permit {
        /** Runs while closed; its outcome enters the rolling window. */
        NORMAL,
        /** One of the bounded half-open probes. */
        PROBE,
        /** The backend could not be asked: runs, and its outcome is not recorded. */
        UNTRACKED
    }

    private record Snapshot(BreakerDocument document, long version, long backendMillis, long readAtNanos) {
        long now() {
            return backendMillis + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - readAtNanos);
        }
    }

    private final BreakerPolicy policy;
    private final CircuitBreakerStateProvider circuits;
    private final long stalenessNanos;
    private volatile Snapshot cached;
    private int bufferedSuccesses;
    private long firstBufferedNanos;
    private final Set<CompletableFuture<Void>> recordsInFlight = ConcurrentHashMap.newKeySet();

    SharedBreaker(BreakerPolicy policy, CircuitBreakerStateProvider circuits) {
        this.policy = policy;
        this.circuits = circuits;
        this.stalenessNanos = policy.staleness().toNanos();
    }

    /**
     * Decides whether a call may run.
     *
     * @throws CircuitBreakerOpenException when the breaker is open, or half-open with all probe permits taken
     */
    Permit acquire() {
        awaitRecordsInFlight();
        try {
            return decide();
        } catch (BackendException e) {
            LOG.log(Level.WARNING, "Shared circuit breaker '" + policy.name() + "': backend unavailable, letting "
                    + "the call through untracked", e);
            return Permit.UNTRACKED;
        }
    }

    private Permit decide() {
        long start = System.nanoTime();
        Snapshot snapshot = view();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            boolean fresh = snapshot.readAtNanos() - start >= 0;
            BreakerDocument document = snapshot.document();
            long now = snapshot.now();
            if (BreakerDocument.CLOSED.equals(document.state)) {
                return Permit.NORMAL;
            }
            if (BreakerDocument.OPEN.equals(document.state) && now < document.openedAt + policy.delay().toMillis()) {
                throw open();
            }
            if (!fresh) {
                snapshot = read();
                continue;
            }
            BreakerDocument next = document.copy();
            if (BreakerDocument.OPEN.equals(document.state)
                    || now >= document.halfOpenAt + policy.probeLease().toMillis()) {
                next.state = BreakerDocument.HALF_OPEN;
                next.halfOpenAt = now;
                next.probes = 0;
                next.successes = 0;
            }
            if (next.probes >= policy.successThreshold()) {
                throw open();
            }
            next.probes++;
            if (write(snapshot, next)) {
                return Permit.PROBE;
            }
            snapshot = read();
        }
        throw open();
    }

    /** Records the outcome of a call that ran with {@code permit}. Never throws. */
    void record(Permit permit, boolean failure) {
        try {
            if (permit == Permit.PROBE) {
                recordProbe(failure);
            } else if (permit == Permit.NORMAL) {
                recordNormal(failure);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Shared circuit breaker '" + policy.name() + "': recording an outcome failed", e);
        }
    }

    /**
     * Records the outcome of a call that ran with {@code permit} on another thread, starting at once, for an outcome
     * known before the call returns. Does not block; the next {@link #acquire} on this node waits for the write.
     */
    void recordSoon(Permit permit, boolean failure) {
        if (permit == Permit.UNTRACKED) {
            return;
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        recordsInFlight.add(written);
        RECORDERS.execute(() -> {
            try {
                record(permit, failure);
            } finally {
                recordsInFlight.remove(written);
                written.complete(null);
            }
        });
    }

    private void awaitRecordsInFlight() {
        if (recordsInFlight.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECORD_WAIT_MILLIS);
        for (CompletableFuture<Void> written : recordsInFlight) {
            try {
                written.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                LOG.log(Level.WARNING, "Shared circuit breaker ''{0}'': an earlier outcome is still being written "
                        + "after {1} ms; deciding without it", policy.name(), RECORD_WAIT_MILLIS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // record() never throws; nothing to wait for
            }
        }
    }

    private void recordProbe(boolean failure) {
        Snapshot snapshot = read();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            BreakerDocument document = snapshot.document();
            if (!BreakerDocument.HALF_OPEN.equals(document.state)) {
                return; // another probe already decided this half-open period
            }
            BreakerDocument next = document.copy();
            if (failure) {
                next.open(snapshot.now());
            } else if (++next.successes >= policy.successThreshold()) {
                next.close();
            }
            if (write(snapshot, next)) {
                return;
            }
            snapshot = read();
        }
        LOG.log(Level.WARNING, "Shared circuit breaker ''{0}'': probe outcome dropped after {1} contended attempts",
                policy.name(), ATTEMPTS);
    }

    private void recordNormal(boolean failure) {
        int successes;
        synchronized (this) {
            if (!failure && stalenessNanos > 0) {
                if (bufferedSuccesses++ == 0) {
                    firstBufferedNanos = System.nanoTime();
                }
                if (System.nanoTime() - firstBufferedNanos < stalenessNanos) {
                    return;
                }
                successes = bufferedSuccesses;
            } else {
                successes = bufferedSuccesses + (failure ? 0 : 1);
            }
            bufferedSuccesses = 0;
        }
        Snapshot snapshot = cached != null ? cached : read();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            BreakerDocument document = snapshot.document();
            if (!BreakerDocument.CLOSED.equals(document.state)) {
                return; // like SmallRye: outcomes of calls admitted while closed do not count once it opened
            }
            BreakerDocument next = document.copy();
            StringBuilder window = new StringBuilder(next.window);
            window.append("0".repeat(Math.min(successes, policy.volume())));
            if (failure) {
                window.append('1');
            }
            int from = Math.max(0, window.length() - policy.volume());
            next.window = window.substring(from);
            if (next.window.length() >= policy.volume() && next.failuresInWindow() >= policy.threshold()) {
                next.open(snapshot.now());
            }
            if (write(snapshot, next)) {
                return;
            }
            snapshot = read();
        }
        LOG.log(Level.WARNING, "Shared circuit breaker ''{0}'': outcome dropped after {1} contended attempts",
                policy.name(), ATTEMPTS);
    }

    /** The cached snapshot while younger than the staleness bound, else a fresh read. */
    private Snapshot view() {
        Snapshot snapshot = cached;
        if (snapshot == null || stalenessNanos == 0 || System.nanoTime() - snapshot.readAtNanos() >= stalenessNanos) {
            return read();
        }
        return snapshot;
    }

    private Snapshot read() {
        long sent = System.nanoTime();
        CircuitRecord record = circuits.readRecord(policy.name());
        Snapshot snapshot = new Snapshot(BreakerDocument.read(record.data()), record.version(),
                record.backendTime().toEpochMilli(), sent);
        cached = snapshot;
        return snapshot;
    }

    private boolean write(Snapshot base, BreakerDocument next) {
        long sent = System.nanoTime();
        long now = base.now();
        if (!circuits.compareAndSetRecord(policy.name(), base.version(), next.write())) {
            return false;
        }
        cached = new Snapshot(next, base.version() + 1, now, sent);
        return true;
    }

    private CircuitBreakerOpenException open() {
        return new CircuitBreakerOpenException("Shared circuit breaker '" + policy.name() + "' is open");
    }
}
