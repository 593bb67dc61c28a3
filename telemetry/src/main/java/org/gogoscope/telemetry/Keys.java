package org.gogoscope.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import java.util.Locale;

/**
 * The attribute keys of every span and metric, and how an outcome is spelled: low-cardinality values only (a store,
 * a backend, an operation, a method or breaker name, an outcome), never a lock, cache or idempotency key.
 */
final class Keys {

    static final AttributeKey<String> STORE = AttributeKey.stringKey("gogoscope.store");
    static final AttributeKey<String> BACKEND = AttributeKey.stringKey("gogoscope.backend");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gogoscope.operation");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("gogoscope.outcome");
    static final AttributeKey<String> BREAKER = AttributeKey.stringKey("gogoscope.breaker");
    static final AttributeKey<String> BREAKER_STATE = AttributeKey.stringKey("gogoscope.breaker.state");
    static final AttributeKey<String> BREAKER_FROM = AttributeKey.stringKey("gogoscope.breaker.from");
    static final AttributeKey<String> BREAKER_TO = AttributeKey.stringKey("gogoscope.breaker.to");
    /** OpenTelemetry's general attribute for the class of a failure (semantic conventions: fully qualified). */
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    /** OpenTelemetry's code attribute: the annotated method, fully qualified, as {@code com.acme.OrderService.close}. */
    static final AttributeKey<String> CODE_FUNCTION = AttributeKey.stringKey("code.function.name");

    private Keys() {
    }

    /** An outcome or state as OpenTelemetry spells attribute values: {@code in_progress}, {@code half_open}. */
    static String value(Enum<?> outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
