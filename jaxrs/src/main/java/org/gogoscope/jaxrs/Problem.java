package org.gogoscope.jaxrs;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An RFC 9457 problem detail: the members {@code type}, {@code title}, {@code status}, {@code detail}, then the
 * extension members in the order they were added, plus the {@code Retry-After} header of the answer when
 * {@link #retryAfter()} is set. {@link #toJson()} writes the body without JSON-B or JSON-P (nothing besides this
 * jar and gogoscope-api goes into the application).
 *
 * <p>Immutable: {@link #with} and {@link #retryAfter(long)} return a new problem, so a mapper subclass can add
 * members to what {@code super.problem(e)} returns.
 *
 * @param type a URI naming the kind of problem; this module's are {@code urn:gogoscope:problem:<name>}
 * @param title a short summary of the kind, the same for every occurrence
 * @param status the HTTP status
 * @param detail this occurrence, here the exception's message (which the library writes without secrets)
 * @param extensions further members: strings, numbers, booleans or null
 * @param retryAfter seconds for the {@code Retry-After} header (also written as member {@code retryAfter}), or
 *     null for none
 */
public record Problem(String type, String title, int status, String detail, Map<String, Object> extensions,
        Long retryAfter) {

    /** The media type of every answer: {@value}. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The start of this module's {@code type} URIs: {@value}. */
    public static final String TYPE_PREFIX = "urn:gogoscope:problem:";

    private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "instance");

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        for (Map.Entry<String, Object> member : extensions.entrySet()) {
            if (STANDARD.contains(member.getKey()) || "retryAfter".equals(member.getKey())) {
                throw new IllegalArgumentException("extension member '" + member.getKey()
                        + "' would replace a member this class writes itself");
            }
            Object value = member.getValue();
            if (value != null && !(value instanceof String) && !(value instanceof Number)
                    && !(value instanceof Boolean)) {
                throw new IllegalArgumentException("extension member '" + member.getKey()
                        + "' must be a string, number, boolean or null, not " + value.getClass().getName());
            }
        }
        if (retryAfter != null && retryAfter < 0) {
            throw new IllegalArgumentException("retryAfter must be at least 0 seconds, not " + retryAfter);
        }
    }

    /** A problem of type {@code urn:gogoscope:problem:<name>} with no extension members. */
    public static Problem of(String name, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + name, title, status, detail, Map.of(), null);
    }

    /** This problem with extension member {@code name} added (or replaced). */
    public Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(Objects.requireNonNull(name, "name"), value);
        return new Problem(type, title, status, detail, more, retryAfter);
    }

    /** This problem with a {@code Retry-After} of {@code seconds}. */
    public Problem retryAfter(long seconds) {
        return new Problem(type, title, status, detail, extensions, seconds);
    }

    /** The body: one JSON object, {@code detail} left out when null. */
    public String toJson() {
        StringBuilder json = new StringBuilder(128).append('{');
        member(json, "type", type);
        member(json, "title", title);
        member(json, "status", status);
        if (detail != null) {
            member(json, "detail", detail);
        }
        if (retryAfter != null) {
            member(json, "retryAfter", retryAfter);
        }
        extensions.forEach((name, value) -> member(json, name, value));
        return json.append('}').toString();
    }

    /** The answer: {@link #status()}, {@value #MEDIA_TYPE}, the UTF-8 body and {@code Retry-After} when set. */
    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE)
                .entity(toJson().getBytes(StandardCharsets.UTF_8));
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        return response.build();
    }

    private static void member(StringBuilder json, String name, Object value) {
        if (json.length() > 1) {
            json.append(',');
        }
        string(json, name).append(':');
        if (value == null) {
            json.append("null");
        } else if (value instanceof String text) {
            string(json, text);
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            json.append("null");    // JSON has no NaN or infinity
        } else {
            json.append(value);     // Number or Boolean
        }
    }

    /** Appends {@code text} as a JSON string (RFC 8259: quote, backslash and control characters escaped). */
    static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    // control characters, and U+2028/U+2029 (valid JSON, but not in JavaScript string literals)
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
