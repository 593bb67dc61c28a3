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
        String json;
        try {
            json = jsonb.toJson(value);
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException(argument + " cannot be written as JSON (" + value.getClass().getName()
                    + "): " + e.getMessage(), e);
        }
        if (hasEscapedNul(json)) {
            throw new IllegalArgumentException(argument + " contains U+0000, which not every backend can store "
                    + "(PostgreSQL's jsonb refuses it)");
        }
        return Args.storableText(argument, json);
    }

    /** Whether {@code json} has the escape {@code \u0000} (not a literal backslash followed by "u0000"). */
    static boolean hasEscapedNul(String json) {
        for (int at = json.indexOf("u0000"); at > 0; at = json.indexOf("u0000", at + 1)) {
            int backslashes = 0;
            for (int i = at - 1; i >= 0 && json.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                return true;
            }
        }
        return false;
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
