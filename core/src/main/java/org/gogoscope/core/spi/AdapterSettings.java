package org.gogoscope.core.spi;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.MessageCode;

/**
 * The configuration of one named store, read through a lookup function (MicroProfile Config, system
 * properties, a map in tests). Properties are named relative to the store, e.g. {@code jdbc.url}, and are best
 * read through their {@link org.gogoscope.core.config.Property} declarations; errors name the full property, e.g. {@code gogoscope.store.orders.jdbc.url}, and never print the value of a
 * property whose name says it is secret ({@code password}, {@code secret}, {@code token}) or of a URI with
 * credentials in it.
 */
public final class AdapterSettings {

    /** The store used when an application names none. */
    public static final String DEFAULT_STORE = "default";

    /**
     * Objects the runtime holds by type and name, such as the CDI beans of a runtime without JNDI (Quarkus,
     * Helidon): a store may name one (e.g. its {@code DataSource}) instead of configuring it.
     */
    public interface RuntimeBeans {

        /** None: every look-up finds nothing (Java SE, tests). */
        RuntimeBeans NONE = new RuntimeBeans() {
            @Override
            public <T> Optional<T> find(Class<T> type, String name) {
                return Optional.empty();
            }
        };

        /**
         * The one object of {@code type} named {@code name}: {@code default} for the unqualified one, else the one
         * qualified by that name; empty when there is none.
         */
        <T> Optional<T> find(Class<T> type, String name);
    }

    private final String storeName;
    private final String propertyPrefix;
    private final Function<String, Optional<String>> lookup;
    private final RuntimeBeans beans;

    /**
     * @param storeName the store's name, e.g. {@code default}
     * @param propertyPrefix prepended to relative names, e.g. {@code gogoscope.store.default.}
     * @param lookup full property name to its value, empty when unset
     */
    public AdapterSettings(String storeName, String propertyPrefix, Function<String, Optional<String>> lookup) {
        this(storeName, propertyPrefix, lookup, RuntimeBeans.NONE);
    }

    private AdapterSettings(String storeName, String propertyPrefix, Function<String, Optional<String>> lookup,
            RuntimeBeans beans) {
        this.storeName = Objects.requireNonNull(storeName, "storeName");
        this.propertyPrefix = Objects.requireNonNull(propertyPrefix, "propertyPrefix");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.beans = Objects.requireNonNull(beans, "beans");
    }

    /** These settings, with {@code beans} to find the objects a store names. */
    public AdapterSettings withBeans(RuntimeBeans runtimeBeans) {
        return new AdapterSettings(storeName, propertyPrefix, lookup, runtimeBeans);
    }

    /** The runtime's object of {@code type} named {@code name} ({@link RuntimeBeans#find}). */
    public <T> Optional<T> bean(Class<T> type, String name) {
        return beans.find(type, name);
    }

    /** Settings of store {@code storeName} under {@code gogoscope.store.<storeName>.}. */
    public static AdapterSettings forStore(String storeName, Function<String, Optional<String>> lookup) {
        return new AdapterSettings(storeName, "gogoscope.store." + storeName + ".", lookup);
    }

    public String storeName() {
        return storeName;
    }

    /** The full name of relative property {@code name}. */
    public String fullName(String name) {
        return propertyPrefix + name;
    }

    /** The value of {@code name}, empty when unset or blank. */
    public Optional<String> get(String name) {
        return lookup.apply(fullName(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The value of {@code name}; {@link ConfigurationException} naming it when unset. */
    public String require(String name) {
        return get(name).orElseThrow(() -> missing(name));
    }

    /** The {@link MessageCode#MISSING_PROPERTY} exception for {@code name}. */
    public ConfigurationException missing(String name) {
        return new ConfigurationException(MessageCode.MISSING_PROPERTY, fullName(name),
                "Missing required property " + fullName(name) + " for store '" + storeName + "'");
    }

    /** {@code key-prefix}, or empty. */
    public String keyPrefix() {
        return lookup.apply(fullName(org.gogoscope.core.config.CoreProperties.KEY_PREFIX.name())).orElse("");
    }

    /** A {@link ConfigurationException} for {@code name}, showing the value unless it is secret. */
    public ConfigurationException invalid(String name, String value, String expected, Throwable cause) {
        String shown = isSecret(name, value) ? "<hidden>" : "'" + value + "'";
        return new ConfigurationException(MessageCode.INVALID_VALUE, fullName(name),
                "Invalid " + fullName(name) + ": expected " + expected + ", was " + shown, cause);
    }

    /** Whether a value must never be printed: secret-sounding names, and URIs with user info. */
    public static boolean isSecret(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("token")
                || (value != null && value.matches("(?s)^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@]*@.*"));
    }

    @Override
    public String toString() {
        return "AdapterSettings[" + propertyPrefix + "*]";
    }
}
