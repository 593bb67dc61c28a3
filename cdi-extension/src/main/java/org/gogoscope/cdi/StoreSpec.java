package org.gogoscope.cdi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.MessageCode;
import org.gogoscope.core.config.CoreProperties;
import org.gogoscope.core.spi.AdapterFactory;
import org.gogoscope.core.spi.AdapterSettings;

/**
 * One store's validated configuration: its backend, the factory serving it and its settings.
 *
 * @param name the store's name
 * @param backend the backend name, e.g. {@code postgresql}
 * @param embeddedDefault whether the backend was chosen because the store has no configuration at all
 * @param factory the factory serving {@code backend}
 * @param settings the store's properties
 * @param properties every set property of the store, relative name to value (for messages; may hold secrets)
 * @param redactor hides the store's secrets
 * @param cacheDefaultTtl the TTL {@code CacheProvider.set(key, value)} uses; empty for no expiry
 */
record StoreSpec(String name, String backend, boolean embeddedDefault, AdapterFactory factory,
        AdapterSettings settings, SortedMap<String, String> properties, Redactor redactor,
        Optional<Duration> cacheDefaultTtl) {

    /** The backend of the {@code default} store when it has no configuration at all. */
    static final String EMBEDDED_BACKEND = "memory";

    /**
     * Validates store {@code name}: its backend property is set (or the store is an unconfigured
     * {@code default}) and names a backend on the class path.
     *
     * @param references where the store is referenced, for the message when it is not configured
     * @throws ConfigurationException naming {@code gogoscope.store.<name>.backend}
     */
    static StoreSpec resolve(String name, GogoscopeConfig config, Backends backends, List<String> references) {
        String property = GogoscopeConfig.property(name, CoreProperties.BACKEND.name());
        SortedMap<String, String> properties = config.storeProperties(name);
        Redactor redactor = Redactor.of(properties);
        String backend = config.get(property).orElse(null);
        boolean embedded = false;
        if (backend == null) {
            if (!name.equals(ProviderKind.defaultStore()) || !properties.isEmpty()) {
                throw new ConfigurationException(MessageCode.MISSING_PROPERTY, property, "Missing required property " + property + " for store '"
                        + name + "'" + (references.isEmpty() ? "" : " (used by " + String.join("; ", references) + ")")
                        + "; known backends: " + backends.names());
            }
            backend = EMBEDDED_BACKEND;
            embedded = true;
        }
        String chosen = backend;
        AdapterFactory factory = backends.factory(chosen).orElseThrow(() -> new ConfigurationException(
                MessageCode.UNKNOWN_BACKEND, property,
                "Unknown backend '" + chosen + "' in " + property + "; known backends: " + backends.names()
                        + " (a backend is known when its jar is on the class path: gogoscope-jpa for postgresql,"
                        + " mysql, mariadb and sqlite, gogoscope-redis, gogoscope-mongodb)"));
        AdapterSettings settings = config.settings(name);
        return new StoreSpec(name, chosen, embedded, factory, settings, properties, redactor,
                CdiProperties.CACHE_DEFAULT_TTL.get(settings));
    }

    /** {@code gogoscope.store.<name>.backend='<backend>'}. */
    String backendShown() {
        return GogoscopeConfig.property(name, "backend") + "='" + backend + "'";
    }

    /** The store's connection properties as shown in messages, secrets hidden. */
    String propertiesShown() {
        return properties.entrySet().stream()
                .filter(e -> !e.getKey().equals("backend"))
                .map(e -> redactor.show(GogoscopeConfig.property(name, e.getKey()), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
