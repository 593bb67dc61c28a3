package org.gogoscope.core.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.CircuitStorage;
import org.gogoscope.core.storage.StoredCircuitRecord;
import org.gogoscope.core.storage.StoredPage;

/** Breaker states and their versioned records under {@code Pcircuit:K}. */
final class LaidOutCircuits implements CircuitStorage {

    private final CircuitStorage backend;
    private final NodeLayout.TypeSegment keys;

    LaidOutCircuits(CircuitStorage backend, NodeLayout.TypeSegment keys) {
        this.backend = backend;
        this.keys = keys;
    }

    @Override
    public Optional<CircuitBreakerState> get(String key) {
        return backend.get(keys.stored(key));
    }

    @Override
    public void put(String key, CircuitBreakerState state) {
        backend.put(keys.stored(key), state);
    }

    @Override
    public int recordFailure(String key, int maxFailures) {
        return backend.recordFailure(keys.stored(key), maxFailures);
    }

    @Override
    public void recordSuccess(String key) {
        backend.recordSuccess(keys.stored(key));
    }

    @Override
    public boolean transitionToHalfOpen(String key, long delayMillis) {
        return backend.transitionToHalfOpen(keys.stored(key), delayMillis);
    }

    @Override
    public CircuitRecord readRecord(String key) {
        return backend.readRecord(keys.stored(key));
    }

    @Override
    public boolean compareAndSetRecord(String key, long expectedVersion, String data) {
        return backend.compareAndSetRecord(keys.stored(key), expectedVersion, data);
    }

    @Override
    public StoredPage<StoredCircuitRecord> listRecords(KeyPattern pattern, String cursor, int limit) {
        StoredPage<StoredCircuitRecord> page = backend.listRecords(keys.stored(pattern), cursor, limit);
        List<StoredCircuitRecord> records = new ArrayList<>(page.items().size());
        for (StoredCircuitRecord record : page.items()) {
            records.add(new StoredCircuitRecord(keys.full(record.key()), record.data(), record.version()));
        }
        return new StoredPage<>(records, page.next());
    }
}
