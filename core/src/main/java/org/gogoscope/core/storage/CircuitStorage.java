package org.gogoscope.core.storage;

import java.util.Optional;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.core.KeyPattern;

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
     * {@link org.gogoscope.api.CircuitBreakerStateProvider#readRecord}. Records are independent of the state
     * above: no state operation changes a record and no record operation changes a state.
     */
    CircuitRecord readRecord(String key);

    /** Compare-and-set of the document of {@code key}, atomically; expectedVersion 0 = insert if absent. */
    boolean compareAndSetRecord(String key, long expectedVersion, String data);

    /**
     * One bounded read of the breaker documents whose full keys match {@code pattern}, starting after
     * {@code cursor} ({@code null} for the first page): at most {@code limit} documents, in the backend's listing
     * order (key order on SQL, MongoDB and memory; SCAN order across pages on Redis). A page may hold fewer than
     * {@code limit}, even none, while more follow. The next cursor is the backend's own (the last key read, a SCAN
     * cursor), {@code null} when nothing more can follow. Changes nothing.
     */
    StoredPage<StoredCircuitRecord> listRecords(KeyPattern pattern, String cursor, int limit);
}
