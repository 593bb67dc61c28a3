package org.gogoscope.interceptors.breaker;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Switches off the host Fault Tolerance implementation's own circuit breaker on every method whose breaker is
 * shared, through the standard MicroProfile property {@code <class>/<method>/CircuitBreaker/enabled=false}
 * (honoured by SmallRye, Payara, Open Liberty and Helidon alike), so exactly one breaker, the shared one, guards it.
 * Entries are added by the extension while types are processed, before the Fault Tolerance implementation
 * reads them. Registered through {@code META-INF/services}. On Quarkus, where the portable extension does not run,
 * the source answers the keys of shared breakers' methods by itself ({@link ArcSharedBreakers}).
 */
public class SharedBreakerConfigSource implements ConfigSource {

    /** This source's name, which the interceptors skip when they read {@code CircuitBreaker/enabled}. */
    public static final String NAME = "gogoscope-shared-circuit-breakers";

    /** Property name -> how many running deployments (CDI containers) of this class loader need it. */
    private static final Map<String, Integer> PROPERTIES = new ConcurrentHashMap<>();

    /** Adds the properties for {@code method}; returns their names, to hand to {@link #release} at shutdown. */
    public static Set<String> disableHostBreaker(Class<?> beanClass, Method method) {
        Set<String> names = new java.util.HashSet<>(List.of(
                beanClass.getName() + "/" + method.getName() + "/CircuitBreaker/enabled",
                method.getDeclaringClass().getName() + "/" + method.getName() + "/CircuitBreaker/enabled"));
        names.forEach(name -> PROPERTIES.merge(name, 1, Integer::sum));
        return names;
    }

    /** Drops properties a stopped deployment added, once no running deployment needs them. */
    public static void release(Iterable<String> names) {
        names.forEach(name -> PROPERTIES.computeIfPresent(name, (k, count) -> count == 1 ? null : count - 1));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.copyOf(PROPERTIES.keySet());
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>();
        PROPERTIES.keySet().forEach(name -> properties.put(name, "false"));
        return properties;
    }

    /**
     * {@code false} for the switches the portable extension registered and, on ArC (Quarkus), for every switch of a
     * shared breaker's method ({@link ArcSharedBreakers}: there nothing can register them in time).
     */
    @Override
    public String getValue(String propertyName) {
        if (PROPERTIES.containsKey(propertyName)) {
            return "false";
        }
        return ArcSharedBreakers.ON_ARC && ArcSharedBreakers.disables(propertyName) ? "false" : null;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Above system properties (400) and environment (300): a shared breaker is never doubled by a local one. */
    @Override
    public int getOrdinal() {
        return 1000;
    }
}
