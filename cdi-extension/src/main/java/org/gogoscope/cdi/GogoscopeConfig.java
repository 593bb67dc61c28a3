package org.gogoscope.cdi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.MessageCode;
import org.gogoscope.core.config.CoreProperties;
import org.gogoscope.core.config.PropertyCatalogue;
import org.gogoscope.core.spi.AdapterSettings;

/**
 * The go-go-scope view of MicroProfile Config: store names, a store's properties, routing. Values are
 * trimmed; a blank value counts as unset.
 */
final class GogoscopeConfig {

    static final String STORE_PREFIX = "gogoscope.store.";
    private static final Pattern STORE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final Config config;
    private final List<String> warnings = new ArrayList<>();
    private volatile AdapterSettings.RuntimeBeans beans = AdapterSettings.RuntimeBeans.NONE;

    GogoscopeConfig(Config config) {
        this.config = config;
    }

    /** Warnings found while reading (properties under former names), each starting with its code. */
    synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    private synchronized void warn(String warning) {
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
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
            throw new ConfigurationException(MessageCode.UNREADABLE_PROPERTY, name, "Cannot read property " + name
                    + ": " + e.getMessage(), e);
        }
    }

    /** Settings of store {@code name}, with the application's beans once the container has them. */
    AdapterSettings settings(String name) {
        return AdapterSettings.forStore(name, lookup()).withBeans(beans);
    }

    /** The application's beans, for a store that names one ({@code datasource-bean}): usable after deployment. */
    void useBeans(AdapterSettings.RuntimeBeans runtimeBeans) {
        this.beans = runtimeBeans;
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
        return kind.routing().map(property -> property.read(this::get, this::warn))
                .orElse(ProviderKind.defaultStore());
    }

    /**
     * A {@link MessageCode#UNKNOWN_PROPERTY} warning for every {@code gogoscope.*} property set that nothing on
     * {@code catalogue}'s class path reads (a typo, or a module missing from the deployment), naming the closest
     * property that is read.
     */
    List<String> unknownProperties(PropertyCatalogue catalogue) {
        List<String> found = new ArrayList<>();
        Set<String> sorted = new TreeSet<>();
        names().forEach(sorted::add);
        for (String name : sorted) {
            if (!name.startsWith(PropertyCatalogue.NAMESPACE) || get(name).isEmpty()) {
                continue;
            }
            String backend = storeOf(name).flatMap(store -> get(property(store, CoreProperties.BACKEND.name())))
                    .orElse(null);
            if (catalogue.lookUp(name, backend) instanceof PropertyCatalogue.Lookup.Unknown unknown) {
                found.add(MessageCode.UNKNOWN_PROPERTY.format("Property " + name + " is set but read by nothing"
                        + (backend == null ? "" : " for backend '" + backend + "'")
                        + unknown.closest().map(closest -> "; did you mean " + closest + "?")
                                .orElse(" (is the module that reads it missing from the deployment?)")));
            }
        }
        return found;
    }

    private Iterable<String> names() {
        try {
            return config.getPropertyNames();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The store a {@code gogoscope.store.<name>.*} property belongs to. */
    private static Optional<String> storeOf(String property) {
        if (!property.startsWith(STORE_PREFIX)) {
            return Optional.empty();
        }
        int dot = property.indexOf('.', STORE_PREFIX.length());
        return dot > STORE_PREFIX.length() ? Optional.of(property.substring(STORE_PREFIX.length(), dot))
                : Optional.empty();
    }

    static boolean isValidStoreName(String name) {
        return STORE_NAME.matcher(name).matches();
    }
}
