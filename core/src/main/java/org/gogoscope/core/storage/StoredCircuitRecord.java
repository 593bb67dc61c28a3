package org.gogoscope.core.storage;

/**
 * A versioned breaker document as a backend listed it.
 *
 * @param key the full key (prefix included)
 * @param data the stored document
 * @param version its version, at least 1
 */
public record StoredCircuitRecord(String key, String data, long version) {
}
