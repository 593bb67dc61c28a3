package org.gogoscope.core.breaker;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.api.MessageCode;
import org.gogoscope.core.spi.AdapterSettings;
import org.gogoscope.core.telemetry.GuardedTelemetry;
import org.gogoscope.core.telemetry.Telemetry;

/**
 * One node's view of one shared breaker: MicroProfile semantics over a {@link BreakerDocument} updated by
 * compare-and-set. A plain class: the backend, the clock and the thread that writes early outcomes come in through
 * the constructor; what a rejected call throws is the caller's business ({@link Permit#REJECTED}).
 *
 * <h2>Transitions</h2>
 * CLOSED: calls run ({@link Permit#NORMAL}); their outcomes enter a rolling window of the last {@code volume}
 * outcomes, and a full window with at least {@code threshold} failures opens the breaker. OPEN: calls are
 * rejected until {@code delay} has passed on the backend's clock; then the first call moves it to HALF_OPEN.
 * HALF_OPEN: at most {@code successThreshold} probe permits ({@link Permit#PROBE}) are handed out cluster-wide;
 * a failed probe opens it again, {@code successThreshold} successful probes close it with an empty window, and
 * permits whose outcome has not come {@code probeLease} after the half-open period began are handed out again.
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
 * outcome on the recorder executor at once, and {@link #acquire} on this node first waits for outcomes being
 * written (at most {@link #RECORD_WAIT_MILLIS} ms), so a call that starts after the host saw a timeout sees it
 * counted, as it would with the host's own breaker.
 *
 * <h2>Backend failures</h2>
 * When the backend cannot be asked ({@link BackendException}), calls run untracked ({@link Permit#UNTRACKED}) and a
 * warning is logged: a coordination outage does not take the protected service down.
 */
public final class SharedBreaker {

    private static final System.Logger LOG = System.getLogger(SharedBreaker.class.getName());
    private static final int ATTEMPTS = 32;
    /** The longest {@link #acquire} waits for outcomes being written by {@link #recordSoon}. */
    public static final long RECORD_WAIT_MILLIS = 1_000;

    /** What a call may do. */
    public enum Permit {
        /** Runs while closed; its outcome enters the rolling window. */
        NORMAL,
        /** One of the bounded half-open probes. */
        PROBE,
        /** The backend could not be asked: runs, and its outcome is not recorded. */
        UNTRACKED,
        /** Must not run: the breaker is open, or half-open with all probe permits taken. Nothing to record. */
        REJECTED
    }

    /** A document as read or written, with the backend's clock then and this node's ticker then. */
    private record Snapshot(BreakerDocument document, long version, long backendMillis, long readAtNanos) {
    }

    private final BreakerSettings settings;
    private final CircuitBreakerStateProvider circuits;
    private final Ticker ticker;
    private final Executor recorders;
    private final long stalenessNanos;
    private final long recordWaitMillis;
    private volatile Snapshot cached;
    private int bufferedSuccesses;
    private long firstBufferedNanos;
    private final Set<CompletableFuture<Void>> recordsInFlight = ConcurrentHashMap.newKeySet();
    private volatile Telemetry telemetry = Telemetry.NONE;
    private volatile String storeName = AdapterSettings.DEFAULT_STORE;

    /**
     * @param circuits the backend, reached through {@code readRecord} and {@code compareAndSetRecord} only
     * @param ticker this node's monotonic clock ({@link Ticker#SYSTEM} outside tests)
     * @param recorders runs {@link #recordSoon}'s writes; its owner shuts it down with the application (after that,
     *     early outcomes are dropped with a warning)
     */
    public SharedBreaker(BreakerSettings settings, CircuitBreakerStateProvider circuits, Ticker ticker,
            Executor recorders) {
        this(settings, circuits, ticker, recorders, Duration.ofMillis(RECORD_WAIT_MILLIS));
    }

    /** With another bound than {@link #RECORD_WAIT_MILLIS} on the wait for outcomes being written (tests). */
    SharedBreaker(BreakerSettings settings, CircuitBreakerStateProvider circuits, Ticker ticker, Executor recorders,
            Duration recordWait) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.circuits = Objects.requireNonNull(circuits, "circuits");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.recorders = Objects.requireNonNull(recorders, "recorders");
        this.stalenessNanos = settings.staleness().toNanos();
        this.recordWaitMillis = recordWait.toMillis();
    }

    /**
     * Reports this breaker to {@code telemetry} as a breaker of store {@code store} from now on: the state this node
     * last saw (a gauge), the transitions its writes made, rejected calls and backend reads. Call it once, before
     * use.
     */
    public void observeWith(String store, Telemetry telemetry) {
        Telemetry guarded = GuardedTelemetry.of(Objects.requireNonNull(telemetry, "telemetry"));
        guarded.breakerState(store, settings.name(), this::lastSeenState);
        this.storeName = store;
        this.telemetry = guarded;
    }

    /** The state in the document this node last read or wrote; CLOSED before the first read. */
    private Telemetry.BreakerState lastSeenState() {
        Snapshot snapshot = cached;
        return snapshot == null ? Telemetry.BreakerState.CLOSED : stateOf(snapshot.document().state);
    }

    private static Telemetry.BreakerState stateOf(String state) {
        if (BreakerDocument.OPEN.equals(state)) {
            return Telemetry.BreakerState.OPEN;
        }
        return BreakerDocument.HALF_OPEN.equals(state) ? Telemetry.BreakerState.HALF_OPEN
                : Telemetry.BreakerState.CLOSED;
    }

    /** The settings this breaker decides with. */
    public BreakerSettings settings() {
        return settings;
    }

    /**
     * Decides whether a call may run. Never throws.
     *
     * @return {@link Permit#REJECTED} when the breaker is open, or half-open with all probe permits taken
     */
    public Permit acquire() {
        awaitRecordsInFlight();
        try {
            Permit permit = decide();
            if (permit == Permit.REJECTED) {
                telemetry.breakerRejected(storeName, settings.name());
            }
            return permit;
        } catch (BackendException e) {
            LOG.log(Level.WARNING, MessageCode.SHARED_BREAKER_DEGRADED.format("Shared circuit breaker '" + settings.name() + "': backend unavailable, "
                    + "letting the call through untracked"), e);
            return Permit.UNTRACKED;
        }
    }

    private Permit decide() {
        long start = ticker.nanos();
        Snapshot snapshot = view();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            boolean fresh = snapshot.readAtNanos() - start >= 0;
            BreakerDocument document = snapshot.document();
            long now = now(snapshot);
            if (BreakerDocument.CLOSED.equals(document.state)) {
                return Permit.NORMAL;
            }
            if (BreakerDocument.OPEN.equals(document.state) && now < document.openedAt + settings.delay().toMillis()) {
                return Permit.REJECTED;
            }
            if (!fresh) {
                snapshot = read();
                continue;
            }
            BreakerDocument next = document.copy();
            if (BreakerDocument.OPEN.equals(document.state)
                    || now >= document.halfOpenAt + settings.probeLease().toMillis()) {
                next.state = BreakerDocument.HALF_OPEN;
                next.halfOpenAt = now;
                next.probes = 0;
                next.successes = 0;
            }
            if (next.probes >= settings.successThreshold()) {
                return Permit.REJECTED;
            }
            next.probes++;
            if (write(snapshot, next)) {
                return Permit.PROBE;
            }
            snapshot = read();
        }
        return Permit.REJECTED;
    }

    /** Records the outcome of a call that ran with {@code permit}. Never throws. */
    public void record(Permit permit, boolean failure) {
        try {
            if (permit == Permit.PROBE) {
                recordProbe(failure);
            } else if (permit == Permit.NORMAL) {
                recordNormal(failure);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, MessageCode.SHARED_BREAKER_DEGRADED.format("Shared circuit breaker '" + settings.name() + "': recording an outcome "
                    + "failed"), e);
        }
    }

    /**
     * Records the outcome of a call that ran with {@code permit} on the recorder executor, starting at once, for an
     * outcome known before the call returns. Does not block; the next {@link #acquire} on this node waits for the
     * write.
     */
    public void recordSoon(Permit permit, boolean failure) {
        if (permit == Permit.UNTRACKED || permit == Permit.REJECTED) {
            return;
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        recordsInFlight.add(written);
        try {
            recorders.execute(() -> {
                try {
                    record(permit, failure);
                } finally {
                    recordsInFlight.remove(written);
                    written.complete(null);
                }
            });
        } catch (RejectedExecutionException e) {
            recordsInFlight.remove(written);
            written.complete(null);
            LOG.log(Level.WARNING, MessageCode.SHARED_BREAKER_DEGRADED.format("Shared circuit breaker '" + settings.name() + "': an outcome was "
                    + "dropped, the recorder executor refused it (the application is stopping?)"), e);
        }
    }

    /** Real time, as {@code Future.get} waits: the bound on a blocking wait, not an input of a decision. */
    private void awaitRecordsInFlight() {
        if (recordsInFlight.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(recordsInFlight.toArray(new CompletableFuture<?>[0]))
                    .get(recordWaitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, MessageCode.SHARED_BREAKER_DEGRADED.format("Shared circuit breaker ''{0}'': an earlier outcome is still being "
                    + "written after {1} ms; deciding without it"), settings.name(), recordWaitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the futures are only ever completed normally; nothing to wait for
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
                next.open(now(snapshot));
            } else if (++next.successes >= settings.successThreshold()) {
                next.close();
            }
            if (write(snapshot, next)) {
                return;
            }
            snapshot = read();
        }
        LOG.log(Level.WARNING, MessageCode.SHARED_BREAKER_DEGRADED.format("Shared circuit breaker ''{0}'': probe outcome dropped after {1} "
                + "contended attempts"), settings.name(), ATTEMPTS);
    }

    private void recordNormal(boolean failure) {
        int successes;
        synchronized (this) {
            if (!failure && stalenessNanos > 0) {
                if (bufferedSuccesses++ == 0) {
                    firstBufferedNanos = ticker.nanos();
                }
                if (ticker.nanos() - firstBufferedNanos < stalenessNanos) {
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
            window.append("0".repeat(Math.min(successes, settings.volume())));
            if (failure) {
                window.append('1');
            }
            int from = Math.max(0, window.length() - settings.volume());
            next.window = window.substring(from);
            if (next.window.length() >= settings.volume() && next.failuresInWindow() >= settings.threshold()) {
                next.open(now(snapshot));
            }
            if (write(snapshot, next)) {
                return;
            }
            snapshot = read();
        }
        LOG.log(Level.WARNING, MessageCode.SHARED_BREAKER_DEGRADED.format("Shared circuit breaker ''{0}'': outcome dropped after {1} contended "
                + "attempts"), settings.name(), ATTEMPTS);
    }

    /** The cached snapshot while younger than the staleness bound, else a fresh read. */
    private Snapshot view() {
        Snapshot snapshot = cached;
        if (snapshot == null || stalenessNanos == 0 || ticker.nanos() - snapshot.readAtNanos() >= stalenessNanos) {
            return read();
        }
        return snapshot;
    }

    /** The backend's clock now, as {@code snapshot} saw it plus the time this node measured since. */
    private long now(Snapshot snapshot) {
        return snapshot.backendMillis() + TimeUnit.NANOSECONDS.toMillis(ticker.nanos() - snapshot.readAtNanos());
    }

    private Snapshot read() {
        long sent = ticker.nanos();
        telemetry.breakerRead(storeName, settings.name());
        CircuitRecord record = circuits.readRecord(settings.name());
        Snapshot snapshot = new Snapshot(BreakerDocument.read(record.data()), record.version(),
                record.backendTime().toEpochMilli(), sent);
        cached = snapshot;
        return snapshot;
    }

    private boolean write(Snapshot base, BreakerDocument next) {
        long sent = ticker.nanos();
        long now = now(base);
        if (!circuits.compareAndSetRecord(settings.name(), base.version(), next.write())) {
            return false;
        }
        cached = new Snapshot(next, base.version() + 1, now, sent);
        if (!Objects.equals(base.document().state, next.state)) {
            telemetry.breakerTransition(storeName, settings.name(), stateOf(base.document().state),
                    stateOf(next.state));
        }
        return true;
    }
}
