package org.gogoscope.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.Args;
import org.gogoscope.core.StorageAdapter;
import org.gogoscope.core.telemetry.Telemetry;

/**
 * The library's {@link Telemetry} over the OpenTelemetry API: every backend operation as a {@code CLIENT} span and
 * a duration histogram, lock, cache, idempotency, checkpoint and shared-breaker outcomes as counters, histograms
 * and gauges (the table is in this module's README). Instrumentation scope {@value #SCOPE}, with the library's
 * version.
 *
 * <p>In a CDI application {@link TelemetryProducer} makes one over the deployment's {@code OpenTelemetry} and the
 * extension attaches it to every store. In Java SE, {@link #observe(PersistenceAdapter, String, OpenTelemetry)}
 * attaches one to an adapter.
 *
 * <p>A backend operation's span is the current span while the operation runs (its {@code end} comes on the same
 * thread, in a {@code finally}), so spans a driver's own instrumentation opens inside it are its children.
 * Attribute sets are built once per store, outcome, operation, method and breaker, not per call. {@link #close()}
 * unregisters the two gauges' callbacks, which would otherwise keep the stores reachable from a server-wide
 * {@code MeterProvider} after the application is gone.
 */
public final class OpenTelemetryTelemetry implements Telemetry, AutoCloseable {

    /** The instrumentation scope's name, of the tracer and the meter. */
    public static final String SCOPE = "org.gogoscope";

    /** Distinct stores, methods and breakers whose attribute sets are kept (more are built on each call). */
    private static final int NAMES = 1024;
    private static final double NANOS_PER_SECOND = 1e9;

    /** A backend round trip: tens of microseconds in memory, milliseconds on a network, seconds at a timeout. */
    private static final List<Double> OPERATION_BUCKETS = List.of(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
            0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);
    /** A lock's hold: a short critical section to an hour-long job. */
    private static final List<Double> HELD_BUCKETS = List.of(0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0, 30.0, 60.0,
            120.0, 300.0, 600.0, 1800.0, 3600.0);
    /** A {@code @Locked} wait: one round trip to the whole retry budget. */
    private static final List<Double> WAIT_BUCKETS = List.of(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
            2.5, 5.0, 10.0, 30.0, 60.0);

    private final Tracer tracer;
    private final DoubleHistogram operationDuration;
    private final LongCounter lockAcquisitions;
    private final DoubleHistogram lockHeldDuration;
    private final DoubleHistogram lockWaitDuration;
    private final LongCounter watchdogExtensions;
    private final LongCounter watchdogLosses;
    private final LongCounter cacheReads;
    private final LongCounter idempotencyClaims;
    private final LongCounter checkpointSaves;
    private final LongCounter breakerTransitions;
    private final LongCounter breakerRejections;
    private final LongCounter breakerReads;
    private final ObservableLongGauge locksHeld;
    private final ObservableLongGauge breakerStates;

    private final Map<Store, IntSupplier> held = new ConcurrentHashMap<>();
    private final Map<Named, Supplier<BreakerState>> breakers = new ConcurrentHashMap<>();
    private final BoundedMemo<Store, StoreAttributes> stores = new BoundedMemo<>(NAMES, StoreAttributes::new);
    private final BoundedMemo<Named, MethodAttributes> methods = new BoundedMemo<>(NAMES, MethodAttributes::new);
    private final BoundedMemo<Named, BreakerAttributes> breakerNames = new BoundedMemo<>(NAMES,
            BreakerAttributes::new);

    /** Reports to {@code openTelemetry}'s tracer and meter providers. */
    public OpenTelemetryTelemetry(OpenTelemetry openTelemetry) {
        Args.notNull("openTelemetry", openTelemetry);
        String version = libraryVersion();
        TracerBuilder tracerBuilder = openTelemetry.tracerBuilder(SCOPE);
        MeterBuilder meterBuilder = openTelemetry.meterBuilder(SCOPE);
        if (version != null) {
            tracerBuilder.setInstrumentationVersion(version);
            meterBuilder.setInstrumentationVersion(version);
        }
        tracer = tracerBuilder.build();
        Meter meter = meterBuilder.build();
        operationDuration = histogram(meter, "gogoscope.backend.operation.duration",
                "Duration of backend operations (round trips); with error.type, the failed ones", OPERATION_BUCKETS);
        lockAcquisitions = counter(meter, "gogoscope.lock.acquisitions", "{acquisition}",
                "Lock acquisition attempts (one round trip each), by outcome");
        lockHeldDuration = histogram(meter, "gogoscope.lock.held.duration",
                "How long locks were held, from grant to release through the handle", HELD_BUCKETS);
        lockWaitDuration = histogram(meter, "gogoscope.lock.wait.duration",
                "How long @Locked methods waited for their lock, retries included, by outcome", WAIT_BUCKETS);
        watchdogExtensions = counter(meter, "gogoscope.lock.watchdog.extensions", "{extension}",
                "Lock extensions by the watchdog of @Locked methods");
        watchdogLosses = counter(meter, "gogoscope.lock.watchdog.losses", "{loss}",
                "Locks the watchdog of a @Locked method found lost (expired or taken)");
        cacheReads = counter(meter, "gogoscope.cache.reads", "{read}", "Cache reads, by outcome");
        idempotencyClaims = counter(meter, "gogoscope.idempotency.claims", "{claim}",
                "Idempotency claims, by outcome");
        checkpointSaves = counter(meter, "gogoscope.checkpoint.saves", "{save}", "Checkpoints saved");
        breakerTransitions = counter(meter, "gogoscope.breaker.transitions", "{transition}",
                "Shared breaker state changes this node wrote");
        breakerRejections = counter(meter, "gogoscope.breaker.rejections", "{call}",
                "Calls a shared breaker rejected (open, or half-open without a free probe)");
        breakerReads = counter(meter, "gogoscope.breaker.reads", "{read}",
                "Shared breaker documents read from the backend");
        locksHeld = meter.gaugeBuilder("gogoscope.lock.held").ofLongs().setUnit("{lock}")
                .setDescription("Locks this node holds now (granted, neither released nor past their TTL)")
                .buildWithCallback(this::observeHeld);
        breakerStates = meter.gaugeBuilder("gogoscope.breaker.state").ofLongs().setUnit("{state}")
                .setDescription("State of each shared breaker as this node last saw it: 1 for the current state,"
                        + " 0 for the others")
                .buildWithCallback(this::observeBreakers);
    }

    /**
     * Reports {@code adapter}'s work as store {@code storeName} to {@code openTelemetry}, in Java SE (a CDI
     * application needs nothing: the extension attaches the producer's instance). Call it before
     * {@code connect()}; close the returned instance when the adapter is gone.
     *
     * @throws IllegalArgumentException when {@code adapter} is not one of this library's adapters (every backend's
     *         adapter is a {@link StorageAdapter}), or an argument is null or blank
     */
    public static OpenTelemetryTelemetry observe(PersistenceAdapter adapter, String storeName,
            OpenTelemetry openTelemetry) {
        Args.notNull("adapter", adapter);
        if (!(adapter instanceof StorageAdapter storage)) {
            throw new IllegalArgumentException("adapter must be one of the library's adapters (a StorageAdapter), "
                    + "was " + adapter.getClass().getName());
        }
        Args.text("storeName", storeName); // before the gauges are registered, so a refusal leaves nothing behind
        OpenTelemetryTelemetry telemetry = new OpenTelemetryTelemetry(openTelemetry);
        storage.observeWith(storeName, telemetry);
        return telemetry;
    }

    @Override
    public Operation begin(Store store, String operation) {
        Attributes attributes = stores.get(store).operation(operation);
        Span span = tracer.spanBuilder(operation).setSpanKind(SpanKind.CLIENT).setParent(Context.current())
                .setAllAttributes(attributes).startSpan();
        // the SPI ends an operation once, on this thread, after whatever began inside it ended: safe to make current
        Scope scope = span.getSpanContext().isValid() ? span.makeCurrent() : Scope.noop();
        long start = System.nanoTime();
        return failure -> ended(span, scope, attributes, start, failure);
    }

    private void ended(Span span, Scope scope, Attributes attributes, long start, Throwable failure) {
        double seconds = (System.nanoTime() - start) / NANOS_PER_SECOND;
        try {
            scope.close();
            if (failure == null) {
                operationDuration.record(seconds, attributes);
                return;
            }
            String type = failure.getClass().getName();
            operationDuration.record(seconds, attributes.toBuilder().put(Keys.ERROR_TYPE, type).build());
            span.recordException(failure);
            span.setAttribute(Keys.ERROR_TYPE, type);
            span.setStatus(StatusCode.ERROR);
        } finally {
            span.end();
        }
    }

    @Override
    public void lockAcquired(Store store, LockOutcome outcome) {
        lockAcquisitions.add(1, stores.get(store).lock(outcome));
    }

    @Override
    public void lockReleased(Store store, long heldNanos) {
        lockHeldDuration.record(heldNanos / NANOS_PER_SECOND, stores.get(store).store);
    }

    @Override
    public void heldLocks(Store store, IntSupplier heldNow) {
        held.put(store, heldNow);
    }

    @Override
    public void cacheRead(Store store, CacheOutcome outcome) {
        cacheReads.add(1, stores.get(store).read(outcome));
    }

    @Override
    public void idempotencyClaim(Store store, ClaimOutcome outcome) {
        idempotencyClaims.add(1, stores.get(store).claim(outcome));
    }

    @Override
    public void checkpointSaved(Store store) {
        checkpointSaves.add(1, stores.get(store).store);
    }

    @Override
    public void lockWaited(String store, String method, long waitedNanos, boolean granted) {
        MethodAttributes attributes = methods.get(new Named(store, method));
        lockWaitDuration.record(waitedNanos / NANOS_PER_SECOND, granted ? attributes.granted : attributes.refused);
    }

    @Override
    public void watchdogExtended(String store, String method) {
        watchdogExtensions.add(1, methods.get(new Named(store, method)).method);
    }

    @Override
    public void watchdogLost(String store, String method) {
        watchdogLosses.add(1, methods.get(new Named(store, method)).method);
    }

    @Override
    public void breakerState(String store, String breaker, Supplier<BreakerState> state) {
        breakers.put(new Named(store, breaker), state);
    }

    @Override
    public void breakerTransition(String store, String breaker, BreakerState from, BreakerState to) {
        breakerTransitions.add(1, breakerNames.get(new Named(store, breaker)).transition(from, to));
    }

    @Override
    public void breakerRejected(String store, String breaker) {
        breakerRejections.add(1, breakerNames.get(new Named(store, breaker)).breaker);
    }

    @Override
    public void breakerRead(String store, String breaker) {
        breakerReads.add(1, breakerNames.get(new Named(store, breaker)).breaker);
    }

    /** Unregisters the gauges' callbacks (the stores and breakers they read); counters and spans go on. */
    @Override
    public void close() {
        locksHeld.close();
        breakerStates.close();
        held.clear();
        breakers.clear();
    }

    private void observeHeld(ObservableLongMeasurement measurement) {
        held.forEach((store, count) -> {
            int now;
            try {
                now = count.getAsInt();
            } catch (RuntimeException e) {
                return; // this store's count is skipped this time; the others are still reported
            }
            measurement.record(now, stores.get(store).store);
        });
    }

    private void observeBreakers(ObservableLongMeasurement measurement) {
        breakers.forEach((named, state) -> {
            BreakerState now;
            try {
                now = state.get();
            } catch (RuntimeException e) {
                return;
            }
            if (now == null) {
                return;
            }
            BreakerAttributes attributes = breakerNames.get(named);
            for (BreakerState each : BreakerState.values()) {
                measurement.record(each == now ? 1 : 0, attributes.state(each));
            }
        });
    }

    private static LongCounter counter(Meter meter, String name, String unit, String description) {
        return meter.counterBuilder(name).setUnit(unit).setDescription(description).build();
    }

    private static DoubleHistogram histogram(Meter meter, String name, String description, List<Double> buckets) {
        DoubleHistogramBuilder builder = meter.histogramBuilder(name).setUnit("s").setDescription(description);
        try {
            builder = builder.setExplicitBucketBoundariesAdvice(buckets);
        } catch (NoSuchMethodError | AbstractMethodError e) {
            // an OpenTelemetry API older than 1.32 (the server's): the SDK's default buckets, or the user's views
        }
        return builder.build();
    }

    /** The library's version, as Maven wrote it into {@code version.properties}; null when unknown. */
    static String libraryVersion() {
        try (InputStream in = OpenTelemetryTelemetry.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            return version == null || version.isBlank() || version.startsWith("${") ? null : version.strip();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
