package org.gogoscope.cdi;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gogoscope.api.MessageCode;
import org.gogoscope.core.spi.AdapterFactory;

/**
 * The backends on the class path: every {@link AdapterFactory} that {@link ServiceLoader} finds through the
 * thread context class loader (the application's, in a container) and through this module's own loader.
 * The first factory found for a backend name wins.
 */
final class Backends {

    private static final System.Logger LOG = System.getLogger(Backends.class.getName());

    private final SortedMap<String, AdapterFactory> factories;

    private Backends(SortedMap<String, AdapterFactory> factories) {
        this.factories = Collections.unmodifiableSortedMap(factories);
    }

    static Backends discover() {
        SortedMap<String, AdapterFactory> found = new TreeMap<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            load(context, found);
        }
        load(Backends.class.getClassLoader(), found);
        return new Backends(found);
    }

    /** Backends served by {@code factories}, for tests. */
    static Backends of(Map<String, AdapterFactory> factories) {
        return new Backends(new TreeMap<>(factories));
    }

    private static void load(ClassLoader loader, Map<String, AdapterFactory> found) {
        var iterator = ServiceLoader.load(AdapterFactory.class, loader).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    return;
                }
                AdapterFactory factory = iterator.next();
                for (String backend : factory.backends()) {
                    found.putIfAbsent(backend, factory);
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, MessageCode.BACKEND_NOT_LOADABLE.format("Skipping a backend that cannot be loaded: "
                        + e.getMessage()), e);
            }
        }
    }

    Optional<AdapterFactory> factory(String backend) {
        return Optional.ofNullable(factories.get(backend));
    }

    /** The known backend names, sorted, e.g. {@code memory, postgresql, sqlite}. */
    String names() {
        return String.join(", ", factories.keySet());
    }
}
