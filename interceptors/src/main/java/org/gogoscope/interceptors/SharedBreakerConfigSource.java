package org.gogoscope.interceptors;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Switches off the host Fault Tolerance implementation's own circuit breaker on every method whose breaker is
 * shared, through the standard MicroProfile property {@code <class>/<method>/CircuitBreaker/enabled=false}
 * (honoured by SmallRye, Payara and Open Liberty alike), so exactly one breaker, the shared one, guards it.
 * Entries are added by the extension while types are processed, before the Fault Tolerance implementation
 * reads them. Registered through {@code META-INF/services}.
 */
public class SharedBreakerConfigSource implements ConfigSource {

    /** This source's name, which the interceptors skip when they read {@code CircuitBreaker/enabled}. */
    static final String NAME = "gogoscope-shared-circuit-breakers";

    private static final Map<String, String> PROPERTIES = new ConcurrentHashMap<>();

    static void disableHostBreaker(Class<?> beanClass, Method method) {
        PROPERTIES.put(beanClass.getName() + "/" + method.getName() + "/CircuitBreaker/enabled", "false");
        PROPERTIES.put(method.getDeclaringClass().getName() + "/" + method.getName() + "/CircuitBreaker/enabled",
                "false");
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.copyOf(PROPERTIES.keySet());
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.copyOf(PROPERTIES);
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTIES.get(propertyName);
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
