package org.gogoscope.interceptors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.concurrent.atomic.AtomicInteger;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.memory.MemoryAdapter;
import java.util.function.Function;

/**
 * The test's stand-in for the CDI extension: one adapter per container (= node) on the backend the test
 * installed with {@link #use}. Breaker calls are counted to measure round trips.
 */
@ApplicationScoped
public class TestStores {

    private static volatile Function<String, PersistenceAdapter> adapters = p -> new MemoryAdapter(p);
    private static volatile String prefix = "t:";

    private PersistenceAdapter adapter;
    private CountingCircuits circuits;

    /** Nodes started from now on get {@code factory.apply(keyPrefix)}, each its own adapter (= node). */
    public static void use(Function<String, PersistenceAdapter> factory, String keyPrefix) {
        adapters = factory;
        prefix = keyPrefix;
    }

    @PostConstruct
    void open() {
        adapter = adapters.apply(prefix);
        adapter.connect();
        circuits = new CountingCircuits(adapter.circuitBreakers());
    }

    @PreDestroy
    void close() {
        adapter.disconnect();
    }

    /** This node loses its backend: its adapter is disconnected, and every call through it fails from now on. */
    public void loseBackend() {
        adapter.disconnect();
    }

    @Produces
    LockProvider locks() {
        return adapter.locks();
    }

    @Produces
    IdempotencyProvider idempotency() {
        return adapter.idempotency();
    }

    @Produces
    CircuitBreakerStateProvider circuits() {
        return circuits;
    }

    /** Backend round trips of this node's breakers so far. */
    public int circuitRoundTrips() {
        return circuits.calls.get();
    }

    static final class CountingCircuits implements CircuitBreakerStateProvider {
        final AtomicInteger calls = new AtomicInteger();
        private final CircuitBreakerStateProvider delegate;

        CountingCircuits(CircuitBreakerStateProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public java.util.Optional<org.gogoscope.api.CircuitBreakerState> getState(String key) {
            calls.incrementAndGet();
            return delegate.getState(key);
        }

        @Override
        public void setState(String key, org.gogoscope.api.CircuitBreakerState state) {
            calls.incrementAndGet();
            delegate.setState(key, state);
        }

        @Override
        public int recordFailure(String key, int maxFailures) {
            calls.incrementAndGet();
            return delegate.recordFailure(key, maxFailures);
        }

        @Override
        public void recordSuccess(String key) {
            calls.incrementAndGet();
            delegate.recordSuccess(key);
        }

        @Override
        public boolean transitionToHalfOpen(String key, java.time.Duration openDelay) {
            calls.incrementAndGet();
            return delegate.transitionToHalfOpen(key, openDelay);
        }

        @Override
        public org.gogoscope.api.CircuitRecord readRecord(String key) {
            calls.incrementAndGet();
            return delegate.readRecord(key);
        }

        @Override
        public boolean compareAndSetRecord(String key, long expectedVersion, String data) {
            calls.incrementAndGet();
            return delegate.compareAndSetRecord(key, expectedVersion, data);
        }

        @Override
        public org.gogoscope.api.Page<org.gogoscope.api.CircuitRecordInfo> listRecords(String pattern, String cursor,
                int limit) {
            return delegate.listRecords(pattern, cursor, limit);
        }
    }
}
