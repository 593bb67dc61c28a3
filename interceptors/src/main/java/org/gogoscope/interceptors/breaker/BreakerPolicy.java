package org.gogoscope.interceptors.breaker;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.gogoscope.api.annotation.SharedCircuitBreaker;
import org.gogoscope.core.breaker.BreakerSettings;
import org.gogoscope.interceptors.Durations;
import org.gogoscope.interceptors.InterceptorProperties;
import org.gogoscope.interceptors.InvalidAnnotationException;
import org.gogoscope.interceptors.MethodNames;
import org.gogoscope.interceptors.MpConfig;

/**
 * The MicroProfile {@code @CircuitBreaker} parameters of one method, with their configuration overrides
 * ({@code <class>/<method>/CircuitBreaker/<param>}, {@code <class>/CircuitBreaker/<param>},
 * {@code CircuitBreaker/<param>}), plus the sharing settings.
 *
 * @param hostAsync whether the host runs the method asynchronously ({@code @Asynchronous}, or SmallRye's
 *     {@code @AsynchronousNonBlocking}), so failures reach the caller through the returned stage
 * @param threshold failures in a full window that open the breaker: {@code ceil(failureRatio * volume)}
 * @param timeout the method's enabled {@code @Timeout}, or {@code null}: a call that takes at least this long
 *     is recorded as a {@code TimeoutException}, as the Fault Tolerance implementation will report it
 */
record BreakerPolicy(String name, String store, boolean enabled, Duration delay, int volume, double failureRatio,
        int threshold, int successThreshold, Class<? extends Throwable>[] failOn, Class<? extends Throwable>[] skipOn,
        Duration timeout, Duration staleness, Duration probeLease, boolean async, boolean hostAsync) {


    /** @throws InvalidAnnotationException for parameters MicroProfile forbids */
    static BreakerPolicy of(Class<?> beanClass, Method method, MpConfig config) {
        CircuitBreaker onMethod = method.getAnnotation(CircuitBreaker.class);
        Class<?> type = beanClass.isAnnotationPresent(CircuitBreaker.class) || onMethod != null ? beanClass
                : method.getDeclaringClass();
        CircuitBreaker annotation = onMethod != null ? onMethod : type.getAnnotation(CircuitBreaker.class);
        if (annotation == null) {
            throw new InvalidAnnotationException("SharedCircuitBreaker", "value", method,
                    "needs a @CircuitBreaker on the method or its class");
        }
        Lookup lookup = new Lookup(config, type.getName(), onMethod != null ? method.getName() : null);
        boolean enabled = config.value("MP_Fault_Tolerance_NonFallback_Enabled").map(Boolean::parseBoolean)
                .orElse(true) && lookup.value("CircuitBreaker", "enabled").map(Boolean::parseBoolean).orElse(true);
        long delayAmount = lookup.value("CircuitBreaker", "delay").map(Long::parseLong).orElse(annotation.delay());
        ChronoUnit delayUnit = lookup.value("CircuitBreaker", "delayUnit").map(ChronoUnit::valueOf)
                .orElse(annotation.delayUnit());
        Duration delay = Durations.of("CircuitBreaker", "delay", method, delayAmount, delayUnit, true);
        int volume = lookup.value("CircuitBreaker", "requestVolumeThreshold").map(Integer::parseInt)
                .orElse(annotation.requestVolumeThreshold());
        if (volume < 1) {
            throw new InvalidAnnotationException("CircuitBreaker", "requestVolumeThreshold", method,
                    "must be >= 1, was " + volume);
        }
        double ratio = lookup.value("CircuitBreaker", "failureRatio").map(Double::parseDouble)
                .orElse(annotation.failureRatio());
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new InvalidAnnotationException("CircuitBreaker", "failureRatio", method,
                    "must be between 0 and 1, was " + ratio);
        }
        int successes = lookup.value("CircuitBreaker", "successThreshold").map(Integer::parseInt)
                .orElse(annotation.successThreshold());
        if (successes < 1) {
            throw new InvalidAnnotationException("CircuitBreaker", "successThreshold", method,
                    "must be >= 1, was " + successes);
        }
        Class<? extends Throwable>[] failOn = lookup.value("CircuitBreaker", "failOn")
                .map(classes(method)).orElse(annotation.failOn());
        Class<? extends Throwable>[] skipOn = lookup.value("CircuitBreaker", "skipOn")
                .map(classes(method)).orElse(annotation.skipOn());
        SharedCircuitBreaker shared = Optional.ofNullable(method.getAnnotation(SharedCircuitBreaker.class))
                .orElse(type.getAnnotation(SharedCircuitBreaker.class));
        String name = shared != null && !shared.name().isBlank() ? shared.name()
                : beanClass.getName() + "." + MethodNames.of(method).substring(method.getDeclaringClass().getName()
                        .length() + 1);
        String store = shared != null ? shared.store() : "";
        Duration staleness = config.read(InterceptorProperties.STALENESS);
        Duration probeLease = config.read(InterceptorProperties.PROBE_LEASE);
        return new BreakerPolicy("cb:" + name, store, enabled, delay, volume, ratio,
                (int) Math.ceil(ratio * volume), successes, failOn, skipOn, timeout(type, method, config), staleness,
                probeLease, CompletionStage.class.isAssignableFrom(method.getReturnType()), hostAsync(type, method));
    }

    private static Duration timeout(Class<?> type, Method method, MpConfig config) {
        Timeout onMethod = method.getAnnotation(Timeout.class);
        Timeout annotation = onMethod != null ? onMethod : type.getAnnotation(Timeout.class);
        if (annotation == null) {
            return null;
        }
        Lookup lookup = new Lookup(config, type.getName(), onMethod != null ? method.getName() : null);
        boolean enabled = lookup.value("Timeout", "enabled").map(Boolean::parseBoolean).orElse(true);
        long value = lookup.value("Timeout", "value").map(Long::parseLong).orElse(annotation.value());
        ChronoUnit unit = lookup.value("Timeout", "unit").map(ChronoUnit::valueOf).orElse(annotation.unit());
        return enabled && value > 0 ? Duration.of(value, unit) : null;
    }

    private static boolean hasAsync(java.lang.reflect.AnnotatedElement element) {
        for (java.lang.annotation.Annotation annotation : element.getAnnotations()) {
            String name = annotation.annotationType().getSimpleName();
            if (name.equals("Asynchronous") || name.equals("AsynchronousNonBlocking")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hostAsync(Class<?> type, Method method) {
        return hasAsync(method) || hasAsync(type);
    }

    @SuppressWarnings("unchecked")
    private static Function<String, Class<? extends Throwable>[]> classes(Method method) {
        return list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(name -> {
            try {
                return (Class<? extends Throwable>) Class.forName(name, false, method.getDeclaringClass()
                        .getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("unknown exception class " + name + " in configuration of "
                        + MethodNames.of(method), e);
            }
        }).toArray(Class[]::new);
    }

    /**
     * The numbers the shared breaker decides with. A negative staleness or probe lease (possible only as an ISO-8601
     * duration such as {@code PT-1S}) is passed as {@code 0}, which the breaker treated it as before it checked its
     * settings: strict mode, and probe permits handed out again on every half-open call.
     */
    BreakerSettings settings() {
        return new BreakerSettings(name, delay, volume, threshold, successThreshold, atLeastZero(staleness),
                atLeastZero(probeLease));
    }

    private static Duration atLeastZero(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    /** MicroProfile: an exception is a failure if it is a {@code failOn} and not a {@code skipOn} type. */
    boolean isFailure(Throwable outcome) {
        if (outcome == null) {
            return false;
        }
        for (Class<? extends Throwable> skip : skipOn) {
            if (skip.isInstance(outcome)) {
                return false;
            }
        }
        for (Class<? extends Throwable> fail : failOn) {
            if (fail.isInstance(outcome)) {
                return true;
            }
        }
        return false;
    }

    /** Config lookup in MicroProfile's order: method, class (only for a class-level annotation), global. */
    private record Lookup(MpConfig config, String className, String methodName) {
        Optional<String> value(String annotation, String parameter) {
            if (methodName != null) {
                Optional<String> own = config.value(className + "/" + methodName + "/" + annotation + "/" + parameter);
                if (own.isPresent()) {
                    return own;
                }
            } else {
                Optional<String> own = config.value(className + "/" + annotation + "/" + parameter);
                if (own.isPresent()) {
                    return own;
                }
            }
            return config.value(annotation + "/" + parameter);
        }
    }
}
