package org.gogoscope.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A versioned breaker document read by {@link CircuitBreakerStateProvider#readRecord(String)}: for breaker
 * algorithms that keep more state than {@link CircuitBreakerState} (e.g. the MicroProfile rolling window), which
 * they update by {@link CircuitBreakerStateProvider#compareAndSetRecord compare-and-set}. The backend stores
 * {@code data} as an opaque string and never interprets it.
 *
 * @param data the stored document, or {@code null} when none exists ({@code version == 0})
 * @param version {@code 0} when absent; otherwise {@code >= 1}, increased by every successful write
 * @param backendTime the backend's clock when the record was read (millisecond precision), so that all nodes
 *     judge delays on one clock
 */
public record CircuitRecord(String data, long version, Instant backendTime) {

    public CircuitRecord {
        Objects.requireNonNull(backendTime, "backendTime");
        if (version < 0 || (version == 0) != (data == null)) {
            throw new IllegalArgumentException("version must be 0 exactly when data is null, was " + version);
        }
    }

    /** Whether a document is stored. */
    public boolean exists() {
        return version > 0;
    }
}
