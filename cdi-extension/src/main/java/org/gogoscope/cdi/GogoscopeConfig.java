package org.gogoscope.cdi;

import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.core.spi.AdapterSettings;

/**
 * The go-go-scope view of MicroProfile Config: store names, a store's properties, routing. Values are
 * trimmed; a blank value counts as unset.
 */
final class GogoscopeConfig {

    static final String STORE_PREFIX = "gogoscope.store.";
    private static final Pattern STORE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final Config config;

    GogoscopeConfig(Config config) {
        this.config = config;
    }

    /** Full property name to value, as {@link AdapterSettings} wants it. */
    Function<String, Optional<String>> lookup() {
        return this::get;
    }

    /** The trimmed value of {@code name}; empty when unset or blank. */
    Optional<String> get(String name) {
        try {
            return config.getOptionalValue(name, String.class).map(String::trim).filter(v -> !v.isEmpty());
        } catch (RuntimeException e) { // e.g. an expression ${...} that cannot be expanded
            throw new ConfigurationException(name, "Cannot read property " + name + ": " + e.getMessage(), e);
        }
    }

    /** Settings of store {@code name}. */
    AdapterSettings settings(String name) {
        return AdapterSettings.forStore(name, lookup());
    }

    /** The full name of property {@code relative} of store {@code name}. */
    static String property(String store, String relative) {
        return STORE_PREFIX + store + "." + relative;
    }

    /** Names of the stores that have at least one property {@code gogoscope.store.<name>.*}. */
    Set<String> configuredStores() {
        Set<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(STORE_PREFIX)) {
                int dot = property.indexOf('.', STORE_PREFIX.length());
                if (dot > STORE_PREFIX.length() && get(property).isPresent()) {
                    names.add(property.substring(STORE_PREFIX.length(), dot));
                }
            }
        }
        return names;
    }

    /** Every set property of store {@code name}: relative name to value, sorted. */
    SortedMap<String, String> storeProperties(String name) {
        String prefix = STORE_PREFIX + name + ".";
        SortedMap<String, String> properties = new TreeMap<>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(prefix)) {
                get(property).ifPresent(value -> properties.put(property.substring(prefix.length()), value));
            }
        }
        return properties;
    }

    /** The store the unqualified bean of {@code kind} comes from. */
    String route(ProviderKind kind) {
        return kind.routingProperty().flatMap(this::get).orElse(ProviderKind.defaultStore());
    }

    static boolean isValidStoreName(String name) {
        return STORE_NAME.matcher(name).matches();
    }
}
