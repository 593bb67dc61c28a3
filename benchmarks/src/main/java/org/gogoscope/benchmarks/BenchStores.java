package org.gogoscope.benchmarks;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.memory.MemoryAdapter;
import org.gogoscope.core.memory.MemoryBackend;
import org.gogoscope.core.telemetry.Telemetry;

/**
 * Produces the in-memory providers the interceptors use (the stand-in for the CDI extension, as in the
 * interceptors' own tests); breaker calls are counted to show how many reach the backend.
 */
@ApplicationScoped
public class BenchStores {

    static final LongAdder BREAKER_CALLS = new LongAdder();

    private PersistenceAdapter adapter;
    private CircuitBreakerStateProvider circuits;

    /** A Telemetry bean when the benchmark deploys one ({@link TelemetryBenchmarks}): attached as the extension does. */
    @Inject
    Instance<Telemetry> telemetry;

    @PostConstruct
    void open() {
        MemoryAdapter memory = new MemoryAdapter(new MemoryBackend(), "bench:");
        if (telemetry.isResolvable()) {
            memory.observeWith("default", telemetry.get());
        }
        adapter = memory;
        adapter.connect();
        circuits = new Counting(adapter.circuitBreakers());
    }

    @PreDestroy
    void close() {
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

    /** Counts every call that reaches the breaker state backend. */
    static final class Counting implements CircuitBreakerStateProvider {
        private final CircuitBreakerStateProvider delegate;

        Counting(CircuitBreakerStateProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<CircuitBreakerState> getState(String key) {
            BREAKER_CALLS.increment();
            return delegate.getState(key);
        }

        @Override
        public void setState(String key, CircuitBreakerState state) {
            BREAKER_CALLS.increment();
            delegate.setState(key, state);
        }

        @Override
        public int recordFailure(String key, int maxFailures) {
            BREAKER_CALLS.increment();
            return delegate.recordFailure(key, maxFailures);
        }

        @Override
        public void recordSuccess(String key) {
            BREAKER_CALLS.increment();
            delegate.recordSuccess(key);
        }

        @Override
        public boolean transitionToHalfOpen(String key, Duration openDelay) {
            BREAKER_CALLS.increment();
            return delegate.transitionToHalfOpen(key, openDelay);
        }

        @Override
        public CircuitRecord readRecord(String key) {
            BREAKER_CALLS.increment();
            return delegate.readRecord(key);
        }

        @Override
        public boolean compareAndSetRecord(String key, long expectedVersion, String data) {
            BREAKER_CALLS.increment();
            return delegate.compareAndSetRecord(key, expectedVersion, data);
        }

        @Override
        public org.gogoscope.api.Page<org.gogoscope.api.CircuitRecordInfo> listRecords(String pattern, String cursor,
                int limit) {
            return delegate.listRecords(pattern, cursor, limit);
        }
    }
}
