package org.gogoscope.api;

/**
 * A configuration property is missing or has a value the library cannot use. The message names the
 * property and, unless the property is secret, the value it got.
 */
public class ConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String property;

    public ConfigurationException(String property, String message) {
        super(message);
        this.property = property;
    }

    public ConfigurationException(String property, String message, Throwable cause) {
        super(message, cause);
        this.property = property;
    }

    /** The full name of the offending property, e.g. {@code gogoscope.store.default.backend}. */
    public String property() {
        return property;
    }
}
