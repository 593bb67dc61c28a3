package org.gogoscope.core.breaker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.core.memory.MemoryAdapter;
import org.gogoscope.core.memory.MemoryBackend;

/**
 * Breakers acting as cluster nodes on one real {@link MemoryBackend}, all driven by one fake time: the backend's
 * clock (epoch ms) and every node's {@link Ticker} move together, and only when a test calls {@link #advance}.
 * Each node has its own adapter, its own ticker origin (tickers of two nodes are never compared), a provider that
 * counts its reads and writes, and a recorder executor the test runs by hand.
 */
final class Cluster {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final String NAME = "cb:com.acme.Quotes.quote(String)";

    private final MemoryBackend backend;
    private final AtomicLong elapsedNanos = new AtomicLong();
    private final CircuitBreakerStateProvider observer;
    private int nodes;

    Cluster() {
        backend = new MemoryBackend(() -> START.toEpochMilli() + elapsedNanos.get() / 1_000_000);
        MemoryAdapter adapter = new MemoryAdapter(backend, "t:");
        adapter.connect();
        observer = adapter.circuitBreakers();
    }

    /** Settings for {@link #NAME}: delay 5 s, window 4, 2 failures open, 2 probes, strict, probe lease 30 s. */
    static BreakerSettings settings() {
        return new BreakerSettings(NAME, Duration.ofSeconds(5), 4, 2, 2, Duration.ZERO, Duration.ofSeconds(30));
    }

    static BreakerSettings settings(Duration staleness) {
        BreakerSettings s = settings();
        return new BreakerSettings(s.name(), s.delay(), s.volume(), s.threshold(), s.successThreshold(), staleness,
                s.probeLease());
    }

    /** Moves the backend's clock and every node's ticker forward. */
    void advance(Duration duration) {
        elapsedNanos.addAndGet(duration.toNanos());
    }

    /** The backend's clock now, epoch ms. */
    long nowMillis() {
        return START.toEpochMilli() + elapsedNanos.get() / 1_000_000;
    }

    /** A new node with its own adapter on the shared backend. */
    Node node(BreakerSettings settings) {
        return node(settings, SharedBreaker.RECORD_WAIT_MILLIS);
    }

    /** A new node whose {@code acquire} waits at most {@code recordWaitMillis} for outcomes being written. */
    Node node(BreakerSettings settings, long recordWaitMillis) {
        MemoryAdapter adapter = new MemoryAdapter(backend, "t:");
        adapter.connect();
        long origin = 1_000_000_000_000L * ++nodes; // an arbitrary, different origin per node
        Ticker ticker = () -> origin + elapsedNanos.get();
        Counting circuits = new Counting(adapter.circuitBreakers());
        ManualExecutor recorders = new ManualExecutor();
        return new Node(new SharedBreaker(settings, circuits, ticker, recorders, Duration.ofMillis(recordWaitMillis)),
                circuits, recorders);
    }

    /** The stored document, read without counting (a new, closed one when nothing is stored). */
    BreakerDocument document() {
        return BreakerDocument.read(observer.readRecord(NAME).data());
    }

    /** The stored record as the backend has it. */
    CircuitRecord record() {
        return observer.readRecord(NAME);
    }

    /** Writes {@code json} as the document, as another (older) node would. */
    void store(String json) {
        CircuitRecord current = observer.readRecord(NAME);
        if (!observer.compareAndSetRecord(NAME, current.version(), json)) {
            throw new AssertionError("concurrent write in a single-threaded test");
        }
    }

    record Node(SharedBreaker breaker, Counting circuits, ManualExecutor recorders) {

        SharedBreaker.Permit acquire() {
            return breaker.acquire();
        }

        /** One call: acquire, and record the outcome if it ran. */
        SharedBreaker.Permit call(boolean failure) {
            SharedBreaker.Permit permit = breaker.acquire();
            breaker.record(permit, failure);
            return permit;
        }
    }

    /** Counts the reads and writes a node makes; {@link #down} makes both fail as an unreachable backend would. */
    static final class Counting implements CircuitBreakerStateProvider {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();
        volatile boolean down;
        private final CircuitBreakerStateProvider delegate;

        Counting(CircuitBreakerStateProvider delegate) {
            this.delegate = delegate;
        }

        int roundTrips() {
            return reads.get() + writes.get();
        }

        private void reachable(String operation) {
            if (down) {
                throw new BackendException("memory", operation, "connection refused (test)", null);
            }
        }

        @Override
        public CircuitRecord readRecord(String key) {
            reads.incrementAndGet();
            reachable("circuit.readRecord");
            return delegate.readRecord(key);
        }

        @Override
        public boolean compareAndSetRecord(String key, long expectedVersion, String data) {
            writes.incrementAndGet();
            reachable("circuit.compareAndSetRecord");
            return delegate.compareAndSetRecord(key, expectedVersion, data);
        }

        @Override
        public org.gogoscope.api.Page<org.gogoscope.api.CircuitRecordInfo> listRecords(String pattern, String cursor,
                int limit) {
            return delegate.listRecords(pattern, cursor, limit);
        }

        // the breaker uses only the two record operations
        @Override
        public Optional<CircuitBreakerState> getState(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setState(String key, CircuitBreakerState state) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int recordFailure(String key, int maxFailures) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordSuccess(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean transitionToHalfOpen(String key, Duration openDelay) {
            throw new UnsupportedOperationException();
        }
    }

    /** Queues tasks until the test runs them; {@link #refuse} makes it refuse new ones, as a shut-down pool does. */
    static final class ManualExecutor implements Executor {
        private final Queue<Runnable> queued = new ArrayDeque<>();
        private volatile boolean refusing;

        @Override
        public synchronized void execute(Runnable task) {
            if (refusing) {
                throw new RejectedExecutionException("shut down (test)");
            }
            queued.add(task);
        }

        synchronized int pending() {
            return queued.size();
        }

        /** Runs the queued tasks on the calling thread. */
        void runAll() {
            Runnable task;
            while ((task = poll()) != null) {
                task.run();
            }
        }

        private synchronized Runnable poll() {
            return queued.poll();
        }

        void refuse() {
            refusing = true;
        }
    }
}
