package org.gogoscope.interceptors.tck;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.LockProvider;
import org.gogoscope.core.memory.MemoryAdapter;
import org.gogoscope.core.memory.MemoryBackend;

/**
 * TCK only (active when the system property {@code gogoscope.tck} is set): gives every TCK deployment the
 * providers the interceptors inject, on a fresh in-memory backend per deployment, standing in for the
 * gogoscope CDI extension.
 */
public class TckStoresExtension implements Extension {

    /** Breaker documents written by all TCK deployments: proof that the shared breaker, not SmallRye's, ran. */
    static final AtomicLong RECORD_WRITES = new AtomicLong();

    private MemoryAdapter adapter;

    void addProviders(@Observes AfterBeanDiscovery event) {
        if (System.getProperty("gogoscope.tck") == null) {
            return;
        }
        adapter = new MemoryAdapter(new MemoryBackend(), "tck:");
        adapter.connect();
        event.addBean().types(CircuitBreakerStateProvider.class, Object.class).scope(Singleton.class)
                .id("gogoscope-tck-circuits").createWith(c -> new CountingWrites(adapter.circuitBreakers()));
        event.addBean().types(LockProvider.class, Object.class).scope(Singleton.class)
                .id("gogoscope-tck-locks").createWith(c -> adapter.locks());
        event.addBean().types(IdempotencyProvider.class, Object.class).scope(Singleton.class)
                .id("gogoscope-tck-idempotency").createWith(c -> adapter.idempotency());
    }

    /** Counts successful {@code compareAndSetRecord} calls. */
    record CountingWrites(CircuitBreakerStateProvider delegate) implements CircuitBreakerStateProvider {
        @Override
        public java.util.Optional<org.gogoscope.api.CircuitBreakerState> getState(String key) {
            return delegate.getState(key);
        }

        @Override
        public void setState(String key, org.gogoscope.api.CircuitBreakerState state) {
            delegate.setState(key, state);
        }

        @Override
        public int recordFailure(String key, int maxFailures) {
            return delegate.recordFailure(key, maxFailures);
        }

        @Override
        public void recordSuccess(String key) {
            delegate.recordSuccess(key);
        }

        @Override
        public boolean transitionToHalfOpen(String key, java.time.Duration openDelay) {
            return delegate.transitionToHalfOpen(key, openDelay);
        }

        @Override
        public org.gogoscope.api.CircuitRecord readRecord(String key) {
            return delegate.readRecord(key);
        }

        @Override
        public boolean compareAndSetRecord(String key, long expectedVersion, String data) {
            boolean written = delegate.compareAndSetRecord(key, expectedVersion, data);
            if (written) {
                RECORD_WRITES.incrementAndGet();
            }
            return written;
        }
    }

    void close(@Observes BeforeShutdown event) {
        if (adapter != null) {
            adapter.disconnect();
        }
    }
}
