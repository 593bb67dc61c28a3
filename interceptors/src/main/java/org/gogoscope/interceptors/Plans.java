package org.gogoscope.interceptors;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.api.annotation.Locked;

/** Plans per method, parsed once (they were validated at deployment). */
final class Plans {

    private static final Map<Method, LockedPlan> LOCKED = new ConcurrentHashMap<>();
    private static final Map<Method, IdempotentPlan> IDEMPOTENT = new ConcurrentHashMap<>();

    private Plans() {
    }

    static LockedPlan locked(Method method) {
        return LOCKED.computeIfAbsent(method, m -> LockedPlan.of(m.getAnnotation(Locked.class), m));
    }

    static IdempotentPlan idempotent(Method method) {
        return IDEMPOTENT.computeIfAbsent(method, m -> IdempotentPlan.of(m.getAnnotation(Idempotent.class), m));
    }
}
