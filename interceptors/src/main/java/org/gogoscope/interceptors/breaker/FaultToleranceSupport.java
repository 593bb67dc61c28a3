package org.gogoscope.interceptors.breaker;

import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceDefinitionException;
import org.gogoscope.interceptors.MpConfig;

/**
 * What the extension needs to know about MicroProfile Fault Tolerance annotations. This class, the two
 * shared-breaker interceptors, {@link BreakerRegistry}, {@link BreakerPolicy} and {@link BreakerGuard} are the only
 * classes that link to the Fault Tolerance API (the breaker's decisions,
 * {@link org.gogoscope.core.breaker.SharedBreaker}, link to none); the extension loads them only
 * when {@code GogoscopeInterceptorsExtension.FAULT_TOLERANCE} says the API is visible to it, so
 * {@code @Locked} and {@code @Idempotent} work in deployments without it (WildFly adds the API only to
 * deployments that use a Fault Tolerance annotation).
 */
public final class FaultToleranceSupport {

    private FaultToleranceSupport() {
    }

    /** The beans of the shared circuit breaker. */
    public static List<Class<?>> beans() {
        return List.of(SharedCircuitBreakerInterceptor.class, OuterSharedCircuitBreakerInterceptor.class,
                BreakerRegistry.class);
    }

    /**
     * The priorities of the two shared-breaker interceptors for a host Fault Tolerance interceptor at
     * {@code host}: the outer one right before it, the inner one (wrapped by Retry and Fallback) right after it.
     */
    public static java.util.Map<Class<?>, Integer> interceptorPriorities(int host) {
        return java.util.Map.of(OuterSharedCircuitBreakerInterceptor.class, host - 1,
                SharedCircuitBreakerInterceptor.class, host + 1);
    }

    /** Moves the two interceptors around Payara's or Helidon's Fault Tolerance interceptor, if it is the host's. */
    public static boolean placeAroundHost(List<Class<?>> interceptors) {
        return HostFaultTolerance.placeAroundHost(interceptors, OuterSharedCircuitBreakerInterceptor.class,
                SharedCircuitBreakerInterceptor.class);
    }

    /** Whether the breaker of {@code method} is shared: it has a {@code @CircuitBreaker} and sharing is on. */
    public static boolean isSharedBreaker(AnnotatedType<?> type, AnnotatedMethod<?> method, boolean shareAll,
            boolean sharedAnnotation) {
        Method java = method.getJavaMember();
        if (Modifier.isStatic(java.getModifiers()) || Modifier.isPrivate(java.getModifiers())
                || java.getDeclaringClass() == Object.class) {
            return false;
        }
        boolean onMethod = method.isAnnotationPresent(CircuitBreaker.class);
        boolean onClass = type.getJavaClass().isAnnotationPresent(CircuitBreaker.class)
                || java.getDeclaringClass().isAnnotationPresent(CircuitBreaker.class);
        return (onMethod || onClass) && (shareAll || sharedAnnotation);
    }

    /**
     * Whether the host's Fault Tolerance interceptor has nothing left to do for {@code method} once its own breaker is
     * off: the method's {@code @CircuitBreaker} is its only Fault Tolerance annotation (MicroProfile's or the host's
     * own, such as SmallRye's {@code @RateLimit} or {@code @CircuitBreakerName}), on the method itself, and its
     * class has none. Then the extension removes {@code @CircuitBreaker} from the method as the container sees it,
     * so the host's interceptor is not bound to the method at all and a call runs one interceptor, the shared
     * breaker's, instead of two. The shared breaker reads its parameters from the class file, not from the
     * container's view, so nothing else changes; what the method loses is the host's per-method Fault Tolerance
     * metrics (the shared breaker reports its own through {@code gogoscope-telemetry}).
     */
    public static boolean onlyCircuitBreaker(AnnotatedType<?> type, AnnotatedMethod<?> method) {
        if (!method.isAnnotationPresent(CircuitBreaker.class)) {
            return false;
        }
        for (java.lang.annotation.Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType() != CircuitBreaker.class && isFaultTolerance(annotation)) {
                return false;
            }
        }
        for (Class<?> owner : List.of(type.getJavaClass(), method.getJavaMember().getDeclaringClass())) {
            for (java.lang.annotation.Annotation annotation : owner.getAnnotations()) {
                if (isFaultTolerance(annotation)) {
                    return false;
                }
            }
        }
        for (java.lang.annotation.Annotation annotation : type.getAnnotations()) {
            if (isFaultTolerance(annotation)) {
                return false;
            }
        }
        return true;
    }

    /** Removes the {@code @CircuitBreaker} of a method {@link #onlyCircuitBreaker} accepted. */
    public static void unbindHost(jakarta.enterprise.inject.spi.configurator.AnnotatedMethodConfigurator<?> method) {
        method.remove(annotation -> annotation.annotationType() == CircuitBreaker.class);
    }

    /** MicroProfile's Fault Tolerance annotations and the hosts' own (SmallRye's, Helidon's, Payara's, Liberty's). */
    private static boolean isFaultTolerance(java.lang.annotation.Annotation annotation) {
        String name = annotation.annotationType().getName();
        return FAULT_TOLERANCE_PACKAGES.stream().anyMatch(name::startsWith);
    }

    private static final List<String> FAULT_TOLERANCE_PACKAGES = List.of("org.eclipse.microprofile.faulttolerance.",
            "io.smallrye.faulttolerance.", "io.helidon.faulttolerance.", "io.helidon.microprofile.faulttolerance.",
            "fish.payara.microprofile.faulttolerance.", "com.ibm.websphere.microprofile.faulttolerance.",
            "io.openliberty.microprofile.faulttolerance.");

    /** Retry and Fallback must wrap the breaker, so then it goes inside the host's interceptor. */
    public static boolean wrapsRetryOrFallback(AnnotatedType<?> type, AnnotatedMethod<?> method) {
        return method.isAnnotationPresent(Retry.class) || method.isAnnotationPresent(Fallback.class)
                || type.isAnnotationPresent(Retry.class) || type.isAnnotationPresent(Fallback.class);
    }

    /** Whether {@code method} of {@code beanClass} has a {@code @CircuitBreaker} (own, bean class, declaring class). */
    public static boolean hasCircuitBreaker(Class<?> beanClass, Method method) {
        return method.isAnnotationPresent(CircuitBreaker.class) || beanClass.isAnnotationPresent(CircuitBreaker.class)
                || method.getDeclaringClass().isAnnotationPresent(CircuitBreaker.class);
    }

    /** The store of the shared breaker of {@code method}; validates its parameters. */
    public static String breakerStore(Class<?> beanClass, Method method) {
        return BreakerPolicy.of(beanClass, method, MpConfig.current()).store();
    }

    /** MicroProfile's own type for bad Fault Tolerance parameters, as the host would report them. */
    public static RuntimeException definitionError(IllegalArgumentException e) {
        return new FaultToleranceDefinitionException(e.getMessage(), e);
    }
}
