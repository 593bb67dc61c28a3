package org.gogoscope.interceptors.locked;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.gogoscope.api.annotation.Locked;
import org.gogoscope.interceptors.Durations;
import org.gogoscope.interceptors.InvalidAnnotationException;
import org.gogoscope.interceptors.KeyTemplate;
import org.gogoscope.interceptors.Providers;

/**
 * A validated {@link Locked} annotation of one method; {@code method} names it for telemetry, fully qualified
 * ({@code com.acme.OrderService.close}, OpenTelemetry's {@code code.function.name}).
 */
public record LockedPlan(KeyTemplate key, Duration ttl, Duration waitTime, Locked.OnNotAcquired onNotAcquired,
        boolean watchdog, Duration minHold, boolean reportHolder, String store, boolean async, String method) {

    /** The store's name as configured: {@code default} when the annotation names none. */
    public String storeName() {
        return Providers.storeName(store);
    }

    /** @throws InvalidAnnotationException for the first member the method cannot use */
    public static LockedPlan of(Locked locked, Method method) {
        KeyTemplate key = KeyTemplate.parse("Locked", method, locked.key());
        Duration ttl = Durations.of("Locked", "ttl", method, locked.ttl(), locked.ttlUnit(), false);
        Duration wait = Durations.of("Locked", "waitTime", method, locked.waitTime(), locked.waitUnit(), true);
        if (locked.onNotAcquired() == Locked.OnNotAcquired.SKIP && method.getReturnType() != void.class) {
            throw new InvalidAnnotationException("Locked", "onNotAcquired", method,
                    "SKIP needs a void method, the method returns " + method.getGenericReturnType().getTypeName());
        }
        if (locked.watchdog() && ttl.toMillis() < 30) {
            throw new InvalidAnnotationException("Locked", "watchdog", method,
                    "needs a ttl of at least 30ms, was " + Durations.format(locked.ttl(), locked.ttlUnit()));
        }
        Duration minHold = Durations.of("Locked", "minHold", method, locked.minHold(), locked.minHoldUnit(), true);
        if (minHold.compareTo(ttl) > 0) {
            throw new InvalidAnnotationException("Locked", "minHold", method, "must not be longer than ttl ("
                    + Durations.format(locked.ttl(), locked.ttlUnit()) + "), was "
                    + Durations.format(locked.minHold(), locked.minHoldUnit()));
        }
        return new LockedPlan(key, ttl, wait, locked.onNotAcquired(), locked.watchdog(), minHold,
                locked.reportHolder(), locked.store(), CompletionStage.class.isAssignableFrom(method.getReturnType()),
                method.getDeclaringClass().getName() + "." + method.getName());
    }
}
