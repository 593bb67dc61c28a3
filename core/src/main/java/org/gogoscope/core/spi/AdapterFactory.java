package org.gogoscope.core.spi;

import java.util.Set;
import org.gogoscope.api.PersistenceAdapter;

/**
 * Creates adapters of one or more backends from configuration. Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.gogoscope.core.spi.AdapterFactory}), so the
 * CDI extension and other configuration layers need no compile-time dependency on any backend.
 */
public interface AdapterFactory {

    /** The backend names this factory serves, as written in configuration, e.g. {@code postgresql}. */
    Set<String> backends();

    /**
     * A new, not yet connected adapter of {@code backend} configured by {@code settings}.
     *
     * @throws org.gogoscope.api.ConfigurationException naming the full property when a setting is missing or
     *     unusable
     */
    PersistenceAdapter create(String backend, AdapterSettings settings);
}
