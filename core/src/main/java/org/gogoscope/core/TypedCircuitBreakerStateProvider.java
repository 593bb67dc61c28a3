package org.gogoscope.core;

import java.time.Duration;
import java.util.Optional;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.api.CircuitRecordInfo;
import org.gogoscope.api.Page;
import org.gogoscope.core.storage.CircuitStorage;
import org.gogoscope.core.storage.StoredCircuitRecord;

/** {@link CircuitBreakerStateProvider} over a backend's {@link CircuitStorage}. */
final class TypedCircuitBreakerStateProvider implements CircuitBreakerStateProvider {

    private final StorageAdapter adapter;

    TypedCircuitBreakerStateProvider(StorageAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public Optional<CircuitBreakerState> getState(String key) {
        String full = adapter.keySpace().full("key", key);
        CircuitStorage storage = adapter.storages().circuits();
        return adapter.call("circuit.getState", () -> storage.get(full));
    }

    @Override
    public void setState(String key, CircuitBreakerState state) {
        String full = adapter.keySpace().full("key", key);
        Args.notNull("state", state);
        CircuitStorage storage = adapter.storages().circuits();
        adapter.call("circuit.setState", () -> {
            storage.put(full, state);
            return null;
        });
    }

    @Override
    public int recordFailure(String key, int maxFailures) {
        String full = adapter.keySpace().full("key", key);
        Args.atLeast("maxFailures", maxFailures, 1);
        CircuitStorage storage = adapter.storages().circuits();
        return adapter.call("circuit.recordFailure", () -> storage.recordFailure(full, maxFailures));
    }

    @Override
    public void recordSuccess(String key) {
        String full = adapter.keySpace().full("key", key);
        CircuitStorage storage = adapter.storages().circuits();
        adapter.call("circuit.recordSuccess", () -> {
            storage.recordSuccess(full);
            return null;
        });
    }

    @Override
    public boolean transitionToHalfOpen(String key, Duration openDelay) {
        String full = adapter.keySpace().full("key", key);
        Args.notNull("openDelay", openDelay);
        if (openDelay.isNegative()) {
            throw new IllegalArgumentException("openDelay must be >= 0, was " + openDelay);
        }
        long delayMillis = openDelay.toMillis();
        CircuitStorage storage = adapter.storages().circuits();
        return adapter.call("circuit.transitionToHalfOpen", () -> storage.transitionToHalfOpen(full, delayMillis));
    }

    /** The largest document {@link #compareAndSetRecord} accepts, in characters. */
    static final int MAX_RECORD_LENGTH = 64 * 1024;

    @Override
    public CircuitRecord readRecord(String key) {
        String full = adapter.keySpace().full("key", key);
        CircuitStorage storage = adapter.storages().circuits();
        return adapter.call("circuit.readRecord", () -> storage.readRecord(full));
    }

    @Override
    public boolean compareAndSetRecord(String key, long expectedVersion, String data) {
        String full = adapter.keySpace().full("key", key);
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must be >= 0, was " + expectedVersion);
        }
        Args.notNull("data", data);
        if (data.length() > MAX_RECORD_LENGTH) {
            throw new IllegalArgumentException("data must be at most " + MAX_RECORD_LENGTH + " characters, was "
                    + data.length());
        }
        CircuitStorage storage = adapter.storages().circuits();
        return adapter.call("circuit.compareAndSetRecord",
                () -> storage.compareAndSetRecord(full, expectedVersion, data));
    }

    @Override
    public Page<CircuitRecordInfo> listRecords(String pattern, String cursor, int limit) {
        CircuitStorage storage = adapter.storages().circuits();
        return Listing.page(adapter, "circuit.listRecords", pattern, cursor, limit,
                matching -> storage.listRecords(matching, cursor, limit), StoredCircuitRecord::key,
                record -> new CircuitRecordInfo(adapter.keySpace().strip(record.key()), record.data(),
                        record.version()));
    }
}
