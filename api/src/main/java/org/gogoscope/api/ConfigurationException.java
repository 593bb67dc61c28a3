package org.gogoscope.api;

/**
 * A configuration property is missing or has a value the library cannot use. The message names the
 * property and, unless the property is secret, the value it got.
 */
public class ConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final MessageCode code;
    private final String property;

    /**
     * @param code what kind of problem this is; the message starts with it
     * @param property the full name of the offending property
     * @param message what is wrong and how to fix it, naming the property
     */
    public ConfigurationException(MessageCode code, String property, String message) {
        this(code, property, message, null);
    }

    public ConfigurationException(MessageCode code, String property, String message, Throwable cause) {
        super(code.format(message), cause);
        this.code = code;
        this.property = property;
    }

    /** The kind of problem, e.g. {@link MessageCode#MISSING_PROPERTY}. */
    public MessageCode code() {
        return code;
    }

    /** The full name of the offending property, e.g. {@code gogoscope.store.default.backend}. */
    public String property() {
        return property;
    }
}
