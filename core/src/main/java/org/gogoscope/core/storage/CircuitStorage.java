package org.gogoscope.core.storage;

import java.util.Optional;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.api.CircuitRecord;

/**
 * Raw circuit-breaker operations. Semantics are those of
 * {@link org.gogoscope.api.CircuitBreakerStateProvider}, on full keys; each method is one atomic step.
 */
public interface CircuitStorage {

    Optional<CircuitBreakerState> get(String key);

    void put(String key, CircuitBreakerState state);

    /** count+1, lastFailure=now; OPEN if count >= maxFailures or state was HALF_OPEN. Returns the new count. */
    int recordFailure(String key, int maxFailures);

    /** count=0, state=CLOSED, lastSuccess=now (creating the record if absent). */
    void recordSuccess(String key);

    /** OPEN -> HALF_OPEN if lastFailure <= now - delayMillis; true if this call changed it. */
    boolean transitionToHalfOpen(String key, long delayMillis);

    /**
     * The versioned document of {@code key} and the backend's clock, in one step; see
     * {@link org.gogoscope.api.CircuitBreakerStateProvider#readRecord}. Backends that do not store records yet
     * inherit this default, which fails (as a {@code BackendException} naming the backend).
     */
    default CircuitRecord readRecord(String key) {
        throw new UnsupportedOperationException("circuit records are not implemented by " + getClass().getName());
    }

    /** Compare-and-set of the document of {@code key}; expectedVersion 0 = insert if absent. */
    default boolean compareAndSetRecord(String key, long expectedVersion, String data) {
        throw new UnsupportedOperationException("circuit records are not implemented by " + getClass().getName());
    }
}
