package org.gogoscope.core;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.lang.reflect.Type;

/**
 * JSON through Jakarta JSON Binding, the one format every backend stores values in. Mapping failures become
 * {@link IllegalArgumentException}s that name the value, thrown before anything is written.
 */
public final class JsonCodec {

    private static final JsonCodec DEFAULT = new JsonCodec(JsonbBuilder.create(new JsonbConfig()));

    private final Jsonb jsonb;

    public JsonCodec(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /** The shared codec with JSON-B's default mapping. */
    public static JsonCodec defaultCodec() {
        return DEFAULT;
    }

    /** {@code value} (named {@code argument} in errors) as JSON. */
    public String toJson(String argument, Object value) {
        Args.notNull(argument, value);
        try {
            return jsonb.toJson(value);
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException(argument + " cannot be written as JSON (" + value.getClass().getName()
                    + "): " + e.getMessage(), e);
        }
    }

    /** {@code json} read into {@code type}; {@code what} names the stored value in errors. */
    public <T> T fromJson(String what, String json, Type type) {
        Args.notNull("type", type);
        try {
            return jsonb.fromJson(json, type);
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException(what + " cannot be read as " + type.getTypeName() + ": "
                    + e.getMessage(), e);
        }
    }
}
