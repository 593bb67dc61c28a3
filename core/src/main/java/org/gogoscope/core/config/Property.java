package org.gogoscope.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.MessageCode;
import org.gogoscope.core.spi.AdapterSettings;

/**
 * One configuration property the library reads: its name, its type, its default, the values it accepts and what
 * it means. Every module declares its properties as constants of this type and reads them only through them, so
 * parsing, range checks and messages are written once, and {@link PropertyCatalogue} can list every property
 * (the README's table is checked against it).
 *
 * <p>A {@linkplain Scope#STORE store} property is named relative to its store ({@code timeout} is
 * {@code gogoscope.store.<name>.timeout}) and is read by the backends it lists; a {@linkplain Scope#GLOBAL
 * global} one has a full name ({@code gogoscope.circuit-breaker.staleness}).
 *
 * @param <T> the value's type
 */
public final class Property<T> {

    /** Where a property's name lives. */
    public enum Scope {
        /** Relative to {@code gogoscope.store.<name>.}. */
        STORE,
        /** A full name. */
        GLOBAL
    }

    private final String name;
    private final Scope scope;
    private final String type;
    private final Function<String, T> parser;
    private final String expected;
    private final Predicate<T> constraint;
    private final String constraintText;
    private final T defaultValue;
    private final String defaultText;
    private final Set<String> backends;
    private final String meaning;
    private final List<String> oldNames;

    private Property(Builder<T> b) {
        this.name = b.name;
        this.scope = b.scope;
        this.type = b.type;
        this.parser = b.parser;
        this.expected = b.expected;
        this.constraint = b.constraint;
        this.constraintText = b.constraintText;
        this.defaultValue = b.defaultValue;
        this.defaultText = b.defaultText;
        this.backends = Set.copyOf(b.backends);
        this.meaning = Objects.requireNonNull(b.meaning, "meaning of " + b.name);
        this.oldNames = List.copyOf(b.oldNames);
    }

    // ---- declaring -------------------------------------------------------------------------------------------

    /** A store property holding a duration ({@link DurationText}). */
    public static Builder<Duration> duration(String name) {
        return new Builder<>(name, "duration", DurationText::parse, DurationText.EXPECTED);
    }

    /** A store property holding a whole number. */
    public static Builder<Integer> integer(String name) {
        return new Builder<>(name, "integer", text -> {
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }, "a whole number");
    }

    /** A store property holding {@code true/false} (also {@code yes/no}, {@code on/off}). */
    public static Builder<Boolean> bool(String name) {
        return new Builder<>(name, "boolean", text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Boolean.TRUE;
            case "false", "no", "off" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        }, "true or false");
    }

    /** A store property holding text. */
    public static Builder<String> text(String name) {
        return new Builder<>(name, "string", String::strip, "text");
    }

    /** A store property holding a secret (a password): its value is never shown. */
    public static Builder<String> secret(String name) {
        return new Builder<>(name, "secret", text -> text, "text");
    }

    /** A store property whose value is one of {@code values} (case-insensitive; read in lower case). */
    public static Builder<String> oneOf(String name, String... values) {
        List<String> allowed = List.of(values);
        String expected = "one of " + String.join(", ", allowed);
        return new Builder<>(name, "one of " + String.join(" / ", allowed), text -> {
            String value = text.strip().toLowerCase(Locale.ROOT);
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException("not " + expected);
            }
            return value;
        }, expected);
    }

    /** Builds a {@link Property}. */
    public static final class Builder<T> {
        private final String name;
        private Scope scope = Scope.STORE;
        private final String type;
        private final Function<String, T> parser;
        private final String expected;
        private Predicate<T> constraint = value -> true;
        private String constraintText;
        private T defaultValue;
        private String defaultText = "none";
        private Set<String> backends = Set.of();
        private String meaning;
        private final List<String> oldNames = new ArrayList<>();

        private Builder(String name, String type, Function<String, T> parser, String expected) {
            this.name = name;
            this.type = type;
            this.parser = parser;
            this.expected = expected;
        }

        /** A full property name, not relative to a store. */
        public Builder<T> global() {
            this.scope = Scope.GLOBAL;
            return this;
        }

        /** The backends that read this store property (none: every backend, or not backend-specific). */
        public Builder<T> backends(Set<String> names) {
            this.backends = Set.copyOf(names);
            return this;
        }

        /** The value when the property is unset, and how the documentation writes it. */
        public Builder<T> defaultValue(T value, String shown) {
            this.defaultValue = value;
            this.defaultText = shown;
            return this;
        }

        /** How the documentation describes the default when it is not a plain value (e.g. "required"). */
        public Builder<T> defaultShown(String shown) {
            this.defaultText = shown;
            return this;
        }

        /** Values must satisfy {@code check}, described as e.g. {@code at least 250ms}. */
        public Builder<T> must(Predicate<T> check, String described) {
            Predicate<T> before = this.constraint;
            this.constraint = before.and(check);
            this.constraintText = this.constraintText == null ? described : this.constraintText + " and " + described;
            return this;
        }

        /** A name this property had before; still read, with a warning. */
        public Builder<T> formerly(String oldName) {
            this.oldNames.add(oldName);
            return this;
        }

        public Property<T> meaning(String text) {
            this.meaning = text;
            return new Property<>(this);
        }
    }

    /** For {@code Property.duration(...).must(atLeast(Duration.ofMillis(250)), "at least 250ms")}. */
    public static Predicate<Duration> atLeast(Duration minimum) {
        return value -> value.compareTo(minimum) >= 0;
    }

    /** For durations bounded on both sides, e.g. by what a client library can take. */
    public static Predicate<Duration> between(Duration minimum, Duration maximum) {
        return value -> value.compareTo(minimum) >= 0 && value.compareTo(maximum) <= 0;
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /** The store property's value, or its default (which may be {@code null}: then the property is optional). */
    public T read(AdapterSettings settings) {
        return get(settings).orElse(defaultValue);
    }

    /** The store property's value; empty when unset or blank. */
    public Optional<T> get(AdapterSettings settings) {
        requireScope(Scope.STORE);
        return settings.get(name).map(text -> parse(text, settings::invalid, name));
    }

    /** The store property's value; {@link MessageCode#MISSING_PROPERTY} when unset. */
    public T require(AdapterSettings settings) {
        return get(settings).orElseThrow(() -> settings.missing(name));
    }

    /**
     * The global property's value, or its default; {@code lookup} gives a full name's value (empty when unset). A
     * value under a {@linkplain Builder#formerly former name} is read too, and reported to {@code deprecated}.
     */
    public T read(Function<String, Optional<String>> lookup, java.util.function.Consumer<String> deprecated) {
        return get(lookup, deprecated).orElse(defaultValue);
    }

    /** The global property's value; empty when unset. */
    public Optional<T> get(Function<String, Optional<String>> lookup, java.util.function.Consumer<String> deprecated) {
        requireScope(Scope.GLOBAL);
        Optional<String> current = lookup.apply(name).map(String::strip).filter(v -> !v.isEmpty());
        for (String old : oldNames) {
            Optional<String> former = lookup.apply(old).map(String::strip).filter(v -> !v.isEmpty());
            if (former.isPresent()) {
                if (current.isPresent() && !current.get().equals(former.get())) {
                    throw new ConfigurationException(MessageCode.CONFLICTING_PROPERTIES, name, "Both " + name
                            + " and its former name " + old + " are set, to different values; keep " + name);
                }
                deprecated.accept(MessageCode.DEPRECATED_PROPERTY.format("Property " + old + " is now called "
                        + name + "; please rename it (the old name still works)"));
                current = current.isPresent() ? current : former;
            }
        }
        return current.map(text -> parse(text, (n, value, wanted, cause) -> new ConfigurationException(
                MessageCode.INVALID_VALUE, name, "Invalid " + name + ": expected " + wanted + ", was '" + value + "'",
                cause), name));
    }

    /** A value given in code (e.g. a settings record's component): {@link IllegalArgumentException} naming it. */
    public T check(String argument, T value) {
        if (value == null) {
            throw new IllegalArgumentException(argument + " must not be null");
        }
        if (!constraint.test(value)) {
            throw new IllegalArgumentException(argument + " must be " + constraintText + ", was " + shown(value));
        }
        return value;
    }

    /** Builds the exception for an unusable value: (relative or full name, value, expected, cause). */
    @FunctionalInterface
    private interface Invalid {
        ConfigurationException of(String name, String value, String expected, Throwable cause);
    }

    private T parse(String text, Invalid invalid, String nameForInvalid) {
        T value;
        try {
            value = parser.apply(text);
        } catch (RuntimeException e) {
            throw invalid.of(nameForInvalid, text, expected + (constraintText == null ? "" : ", " + constraintText),
                    e);
        }
        if (!constraint.test(value)) {
            throw invalid.of(nameForInvalid, text, constraintText, null);
        }
        return value;
    }

    private void requireScope(Scope wanted) {
        if (scope != wanted) {
            throw new IllegalStateException(name + " is a " + scope + " property");
        }
    }

    private static String shown(Object value) {
        return value instanceof Duration duration ? DurationText.format(duration) : String.valueOf(value);
    }

    // ---- describing --------------------------------------------------------------------------------------------

    /** The name: relative to the store for {@link Scope#STORE}, full otherwise. */
    public String name() {
        return name;
    }

    public Scope scope() {
        return scope;
    }

    /** The name as the documentation writes it: {@code gogoscope.store.<name>.timeout} or the full name. */
    public String documentedName() {
        return scope == Scope.STORE ? "gogoscope.store.<name>." + name : name;
    }

    /** {@code duration}, {@code integer}, {@code boolean}, {@code string}, {@code secret}, or the allowed values. */
    public String type() {
        return type;
    }

    /** The default as the documentation writes it. */
    public String defaultText() {
        return defaultText;
    }

    /** The default value, or {@code null}. */
    public T defaultValue() {
        return defaultValue;
    }

    /** What values are accepted beyond the type, e.g. {@code at least 250ms}; empty when any value of the type is. */
    public Optional<String> constraint() {
        return Optional.ofNullable(constraintText);
    }

    /** The backends that read this store property; empty when every backend does, or it is not a backend's. */
    public Set<String> backends() {
        return backends;
    }

    public String meaning() {
        return meaning;
    }

    /** Names this property had before. */
    public List<String> oldNames() {
        return oldNames;
    }

    public boolean secret() {
        return "secret".equals(type);
    }

    @Override
    public String toString() {
        return documentedName();
    }
}
