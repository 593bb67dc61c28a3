package org.gogoscope.interceptors.breaker;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gogoscope.core.spi.CdiLite;
import org.gogoscope.interceptors.MpConfig;

/**
 * Which host breakers {@link SharedBreakerConfigSource} switches off where no portable extension runs (Quarkus' ArC).
 * There the build compatible extension runs at build time, in another class loader or JVM, and Quarkus' SmallRye
 * Fault Tolerance reads {@code <class>/<method>/CircuitBreaker/enabled} when the application starts, before any CDI
 * observer could register the methods. So the source answers each such key itself, by the rule the build
 * compatible extension binds the shared breaker with: a non-static, non-private method with a
 * {@code @CircuitBreaker} (on it or its class) and a {@code @SharedCircuitBreaker} (on it or its class), or any
 * {@code @CircuitBreaker} when {@code gogoscope.circuit-breaker.shared=true}. Annotations are compared by name: this
 * class never links to the optional Fault Tolerance API.
 */
final class ArcSharedBreakers {

    static final String CIRCUIT_BREAKER = "org.eclipse.microprofile.faulttolerance.CircuitBreaker";
    static final String SHARED = "org.gogoscope.api.annotation.SharedCircuitBreaker";

    /** MicroProfile's key, SmallRye's and Quarkus' names for "is the breaker of this method enabled". */
    private static final Pattern NEW_KEY = Pattern.compile(
            "(?:smallrye\\.faulttolerance|quarkus\\.fault-tolerance)\\.\"([^\"/]+)/([^\"/]+)\"\\.circuit-breaker\\.enabled");

    /** Whether this runs on ArC (Quarkus), where the build compatible extension binds the interceptors. */
    static final boolean ON_ARC = CdiLite.ON_ARC;

    private static final Map<String, Boolean> DECIDED = new ConcurrentHashMap<>();

    private ArcSharedBreakers() {
    }

    /** Whether {@code key} is the host's switch of a method whose breaker is shared. */
    static boolean disables(String key) {
        Optional<String[]> target = target(key);
        if (target.isEmpty()) {
            return false;
        }
        return DECIDED.computeIfAbsent(target.get()[0] + "/" + target.get()[1],
                k -> isShared(target.get()[0], target.get()[1]));
    }

    /** The class and method a Fault Tolerance {@code enabled} key of a circuit breaker names. */
    static Optional<String[]> target(String key) {
        if (key.endsWith("/CircuitBreaker/enabled")) {
            String[] parts = key.split("/");
            return parts.length == 4 ? Optional.of(new String[] {parts[0], parts[1]}) : Optional.empty();
        }
        if (!key.endsWith(".circuit-breaker.enabled")) {
            return Optional.empty(); // every other property the application reads: no regular expression
        }
        Matcher matcher = NEW_KEY.matcher(key);
        return matcher.matches() ? Optional.of(new String[] {matcher.group(1), matcher.group(2)}) : Optional.empty();
    }

    private static boolean isShared(String className, String methodName) {
        Class<?> beanClass;
        try {
            beanClass = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        boolean shareAll = MpConfig.current().shareAll();
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(methodName) && isShared(beanClass, method, shareAll)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isShared(Class<?> beanClass, Method method, boolean shareAll) {
        if (Modifier.isStatic(method.getModifiers()) || Modifier.isPrivate(method.getModifiers())) {
            return false;
        }
        boolean breaker = has(method, CIRCUIT_BREAKER) || has(beanClass, CIRCUIT_BREAKER)
                || has(method.getDeclaringClass(), CIRCUIT_BREAKER);
        boolean shared = has(method, SHARED) || has(beanClass, SHARED) || has(method.getDeclaringClass(), SHARED);
        return breaker && (shareAll || shared);
    }

    private static boolean has(AnnotatedElement element, String annotation) {
        return Arrays.stream(element.getAnnotations()).map(Annotation::annotationType).map(Class::getName)
                .anyMatch(annotation::equals);
    }

}
