package org.gogoscope.core.spi;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.gogoscope.api.ConfigurationException;

/**
 * The configuration of one named store, read through a lookup function (MicroProfile Config, system
 * properties, a map in tests). Properties are named relative to the store, e.g. {@code jdbc.url}; errors
 * name the full property, e.g. {@code gogoscope.store.orders.jdbc.url}, and never print the value of a
 * property whose name says it is secret ({@code password}, {@code secret}, {@code token}) or of a URI with
 * credentials in it.
 */
public final class AdapterSettings {

    /** The store used when an application names none. */
    public static final String DEFAULT_STORE = "default";

    private final String storeName;
    private final String propertyPrefix;
    private final Function<String, Optional<String>> lookup;

    /**
     * @param storeName the store's name, e.g. {@code default}
     * @param propertyPrefix prepended to relative names, e.g. {@code gogoscope.store.default.}
     * @param lookup full property name to its value, empty when unset
     */
    public AdapterSettings(String storeName, String propertyPrefix, Function<String, Optional<String>> lookup) {
        this.storeName = Objects.requireNonNull(storeName, "storeName");
        this.propertyPrefix = Objects.requireNonNull(propertyPrefix, "propertyPrefix");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
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
        return get(name).orElseThrow(() -> new ConfigurationException(fullName(name),
                "Missing required property " + fullName(name) + " for store '" + storeName + "'"));
    }

    /** {@code key-prefix}, or empty. */
    public String keyPrefix() {
        return lookup.apply(fullName("key-prefix")).orElse("");
    }

    public int getInt(String name, int defaultValue) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw invalid(name, value.get(), "a whole number", e);
        }
    }

    public boolean getBoolean(String name, boolean defaultValue) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(name, value.get(), "true or false", null);
        };
    }

    /** A duration as ISO-8601 ({@code PT5S}) or a number with a unit: {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
    public Duration getDuration(String name, Duration defaultValue) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return parseDuration(name, value.get());
    }

    Duration parseDuration(String name, String text) {
        String value = text.toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("pt") || value.startsWith("p")) {
                return Duration.parse(text);
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1).trim());
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw invalid(name, text, "a duration such as 250ms, 5s, 2m, 1h or PT5S", null);
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw invalid(name, text, "a duration such as 250ms, 5s, 2m, 1h or PT5S", e);
        }
    }

    /** A {@link ConfigurationException} for {@code name}, showing the value unless it is secret. */
    public ConfigurationException invalid(String name, String value, String expected, Throwable cause) {
        String shown = isSecret(name, value) ? "<hidden>" : "'" + value + "'";
        return new ConfigurationException(fullName(name),
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
