package org.gogoscope.core.memory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.config.CoreProperties;
import org.gogoscope.core.spi.AdapterFactory;
import org.gogoscope.core.spi.AdapterSettings;

/**
 * Backend {@code memory}. Stores of the same name share one {@link MemoryBackend} within the JVM (as if they
 * were nodes on one server); property {@code memory.shared=false} gives each adapter a backend of its own.
 */
public final class MemoryAdapterFactory implements AdapterFactory {

    private static final ConcurrentHashMap<String, MemoryBackend> BACKENDS = new ConcurrentHashMap<>();

    @Override
    public Set<String> backends() {
        return Set.of("memory");
    }

    @Override
    public PersistenceAdapter create(String backend, AdapterSettings settings) {
        MemoryBackend shared = CoreProperties.MEMORY_SHARED.read(settings)
                ? BACKENDS.computeIfAbsent(settings.storeName(), name -> new MemoryBackend())
                : new MemoryBackend();
        return new MemoryAdapter(shared, settings.keyPrefix());
    }
}
