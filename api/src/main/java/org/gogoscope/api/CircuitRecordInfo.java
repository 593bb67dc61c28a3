package org.gogoscope.api;

import java.util.Objects;

/**
 * A breaker document as {@link CircuitBreakerStateProvider#listRecords} found it.
 *
 * @param key the breaker's key, without the store's key prefix
 * @param data the stored document (opaque to the backend)
 * @param version its version, at least 1: pass it to {@link CircuitBreakerStateProvider#compareAndSetRecord} to
 *     change the document only if nobody else did since
 */
public record CircuitRecordInfo(String key, String data, long version) {

    public CircuitRecordInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
    }
}
