package org.gogoscope.core.memory;

import java.time.Instant;
import java.util.Optional;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.api.CircuitState;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.CircuitStorage;
import org.gogoscope.core.storage.StoredCircuitRecord;
import org.gogoscope.core.storage.StoredPage;

final class MemoryCircuitStorage implements CircuitStorage {

    private final MemoryBackend backend;

    MemoryCircuitStorage(MemoryBackend backend) {
        this.backend = backend;
    }

    @Override
    public Optional<CircuitBreakerState> get(String key) {
        return Optional.ofNullable(backend.circuits.get(key));
    }

    @Override
    public void put(String key, CircuitBreakerState state) {
        backend.circuits.put(key, state);
    }

    @Override
    public int recordFailure(String key, int maxFailures) {
        CircuitBreakerState updated = backend.circuits.compute(key, (k, current) -> {
            CircuitBreakerState state = current == null ? CircuitBreakerState.initial() : current;
            int count = state.failureCount() + 1;
            boolean open = count >= maxFailures || state.state() == CircuitState.HALF_OPEN;
            return new CircuitBreakerState(open ? CircuitState.OPEN : state.state(), count,
                    Instant.ofEpochMilli(backend.now()), state.lastSuccessTime());
        });
        return updated.failureCount();
    }

    @Override
    public void recordSuccess(String key) {
        backend.circuits.compute(key, (k, current) -> new CircuitBreakerState(CircuitState.CLOSED, 0,
                current == null ? null : current.lastFailureTime(), Instant.ofEpochMilli(backend.now())));
    }

    @Override
    public boolean transitionToHalfOpen(String key, long delayMillis) {
        boolean[] changed = {false};
        backend.circuits.computeIfPresent(key, (k, current) -> {
            Instant lastFailure = current.lastFailureTime();
            if (current.state() == CircuitState.OPEN
                    && (lastFailure == null || lastFailure.toEpochMilli() + delayMillis <= backend.now())) {
                changed[0] = true;
                return new CircuitBreakerState(CircuitState.HALF_OPEN, current.failureCount(), lastFailure,
                        current.lastSuccessTime());
            }
            return current;
        });
        return changed[0];
    }

    @Override
    public CircuitRecord readRecord(String key) {
        MemoryBackend.CircuitRecordEntry entry = backend.circuitRecords.get(key);
        Instant now = Instant.ofEpochMilli(backend.now());
        return entry == null ? new CircuitRecord(null, 0, now) : new CircuitRecord(entry.data(), entry.version(), now);
    }

    @Override
    public boolean compareAndSetRecord(String key, long expectedVersion, String data) {
        boolean[] written = {false};
        backend.circuitRecords.compute(key, (k, current) -> {
            long version = current == null ? 0 : current.version();
            if (version != expectedVersion) {
                return current;
            }
            written[0] = true;
            return new MemoryBackend.CircuitRecordEntry(data, version + 1);
        });
        return written[0];
    }

    @Override
    public StoredPage<StoredCircuitRecord> listRecords(KeyPattern pattern, String cursor, int limit) {
        return MemoryListing.page(backend.circuitRecords, pattern, cursor, limit,
                (key, entry) -> new StoredCircuitRecord(key, entry.data(), entry.version()));
    }
}
