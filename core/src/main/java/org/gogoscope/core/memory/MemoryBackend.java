package org.gogoscope.core.memory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.core.storage.StoredCheckpoint;

/**
 * The shared state of the in-memory backend. Several {@link MemoryAdapter}s on one backend behave like
 * several nodes on one server: use that in tests. The clock (epoch milliseconds) is the backend's clock and
 * can be replaced to test expiry without sleeping.
 */
public final class MemoryBackend {

    record LockEntry(String owner, long expiresAt, long token) {
    }

    record CircuitRecordEntry(String data, long version) {
    }

    record CacheEntry(String json, long expiresAt) {
    }

    record IdempotencyEntry(String token, String fingerprint, String resultJson, long expiresAt) {
        boolean completed() {
            return resultJson != null;
        }
    }

    final ConcurrentHashMap<String, LockEntry> locks = new ConcurrentHashMap<>();
    final AtomicLong fencingTokens = new AtomicLong();
    final ConcurrentHashMap<String, CircuitBreakerState> circuits = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, CircuitRecordEntry> circuitRecords = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, CacheEntry> cache = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, StoredCheckpoint> checkpoints = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, IdempotencyEntry> idempotency = new ConcurrentHashMap<>();

    private final LongSupplier clock;

    /** A backend on the system clock. */
    public MemoryBackend() {
        this(System::currentTimeMillis);
    }

    /** A backend on {@code clock}, which returns epoch milliseconds. */
    public MemoryBackend(LongSupplier clock) {
        this.clock = clock;
    }

    long now() {
        return clock.getAsLong();
    }
}
