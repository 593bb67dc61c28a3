package org.gogoscope.interceptors;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.Consumer;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.MessageCode;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.api.annotation.Locked;
import org.gogoscope.api.annotation.SharedCircuitBreaker;
import org.gogoscope.interceptors.breaker.FaultToleranceSupport;

/**
 * The checks {@link GogoscopeInterceptorsExtension#validate} makes on a managed bean, for
 * {@link GogoscopeInterceptorsBuildExtension}, on the bean class's methods as reflection sees them (the build-time
 * model has no {@code Method}, and the plans are made from one): the same plans and messages, each problem handed
 * to {@code problems}, and every store used handed to {@code needs} as {@link #need}.
 */
final class MethodChecks {

    /** Separates the fields of a {@link #need}. */
    static final String SEPARATOR = "\u001f";

    private MethodChecks() {
    }

    static void check(Class<?> beanClass, Consumer<String> needs, Consumer<RuntimeException> problems) {
        boolean shareAll = GogoscopeInterceptorsExtension.FAULT_TOLERANCE && MpConfig.current().shareAll();
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method java : type.getDeclaredMethods()) {
                if (java.isBridge() || java.isSynthetic()) {
                    continue;
                }
                try {
                    check(beanClass, java, shareAll, needs);
                } catch (IllegalArgumentException e) {
                    problems.accept(GogoscopeInterceptorsExtension.FAULT_TOLERANCE && e.getMessage().startsWith(
                            MessageCode.INVALID_ANNOTATION.format("Invalid @CircuitBreaker"))
                            ? FaultToleranceSupport.definitionError(e) : e);
                }
            }
        }
    }

    private static void check(Class<?> beanClass, Method java, boolean shareAll, Consumer<String> needs) {
        Locked locked = java.getAnnotation(Locked.class);
        if (locked != null) {
            org.gogoscope.interceptors.locked.LockedPlan.of(locked, java);
            needs.accept(need(LockProvider.class, locked.store(), java));
        }
        Idempotent idempotent = java.getAnnotation(Idempotent.class);
        if (idempotent != null) {
            org.gogoscope.interceptors.idempotent.IdempotentPlan.of(idempotent, java);
            needs.accept(need(IdempotencyProvider.class, idempotent.store(), java));
        }
        boolean sharedAnnotation = java.isAnnotationPresent(SharedCircuitBreaker.class);
        if (sharedAnnotation && !GogoscopeInterceptorsExtension.FAULT_TOLERANCE) {
            throw new InvalidAnnotationException(MessageCode.SHARED_BREAKER_WITHOUT_BREAKER, "SharedCircuitBreaker", null,
                    java, "needs a MicroProfile @CircuitBreaker on the method or its class, and the MicroProfile "
                            + "Fault Tolerance API is not on the deployment's class path");
        }
        if (!GogoscopeInterceptorsExtension.FAULT_TOLERANCE) {
            return;
        }
        boolean breaker = FaultToleranceSupport.hasCircuitBreaker(beanClass, java);
        if (sharedAnnotation && !breaker) {
            throw new InvalidAnnotationException(MessageCode.SHARED_BREAKER_WITHOUT_BREAKER, "SharedCircuitBreaker", null,
                    java, "needs a MicroProfile @CircuitBreaker on the method or its class");
        }
        boolean shared = shareAll || sharedAnnotation || beanClass.isAnnotationPresent(SharedCircuitBreaker.class)
                || java.getDeclaringClass().isAnnotationPresent(SharedCircuitBreaker.class);
        if (breaker && shared && !Modifier.isStatic(java.getModifiers()) && !Modifier.isPrivate(java.getModifiers())) {
            needs.accept(need(CircuitBreakerStateProvider.class, FaultToleranceSupport.breakerStore(beanClass, java),
                    java));
        }
    }

    /** Provider type, store ({@code ""} for the default bean) and method, as one string. */
    private static String need(Class<?> provider, String store, Method method) {
        return String.join(SEPARATOR, provider.getName(), store, MethodNames.of(method));
    }
}
