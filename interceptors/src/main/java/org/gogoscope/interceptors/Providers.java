package org.gogoscope.interceptors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.Store;
import org.gogoscope.core.spi.AdapterSettings;
import org.gogoscope.core.telemetry.GuardedTelemetry;
import org.gogoscope.core.telemetry.Telemetry;

/**
 * The providers the interceptors use, looked up by type (and {@code @Store} name when an annotation names a
 * store) once per store. Whoever produces the beans (the gogoscope CDI extension, or the application) decides
 * the backend.
 */
@ApplicationScoped
public class Providers {

    private final Map<String, Object> resolved = new ConcurrentHashMap<>();

    @Inject
    @Any
    Instance<LockProvider> locks;

    @Inject
    @Any
    Instance<IdempotencyProvider> idempotency;

    @Inject
    @Any
    Instance<CircuitBreakerStateProvider> circuits;

    @Inject
    Instance<Telemetry> telemetryBeans;

    private volatile Telemetry telemetry;

    /** The deployment's {@link Telemetry} bean (gogoscope-telemetry), guarded; {@link Telemetry#NONE} without one. */
    public Telemetry telemetry() {
        Telemetry found = telemetry;
        if (found == null) {
            found = telemetryBeans.isResolvable() ? GuardedTelemetry.of(telemetryBeans.get()) : Telemetry.NONE;
            telemetry = found;
        }
        return found;
    }

    public LockProvider locks(String store) {
        return (LockProvider) resolved.computeIfAbsent("lock/" + store, k -> locks.select(qualifier(store)).get());
    }

    public IdempotencyProvider idempotency(String store) {
        return (IdempotencyProvider) resolved.computeIfAbsent("idempotency/" + store,
                k -> idempotency.select(qualifier(store)).get());
    }

    public CircuitBreakerStateProvider circuits(String store) {
        return (CircuitBreakerStateProvider) resolved.computeIfAbsent("circuit/" + store,
                k -> circuits.select(qualifier(store)).get());
    }

    /** The configured name of the store an annotation names: {@code default} for {@code ""}. */
    public static String storeName(String store) {
        return store.isEmpty() ? AdapterSettings.DEFAULT_STORE : store;
    }

    static Annotation qualifier(String store) {
        return store.isEmpty() ? Default.Literal.INSTANCE : Store.Literal.of(store);
    }
}
