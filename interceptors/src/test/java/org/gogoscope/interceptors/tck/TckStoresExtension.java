package org.gogoscope.interceptors.tck;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.memory.MemoryAdapter;
import org.gogoscope.core.memory.MemoryBackend;
import org.gogoscope.redis.RedisAdapter;
import org.gogoscope.redis.RedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * TCK only (active when the system property {@code gogoscope.tck} is set): gives every TCK deployment the
 * providers the interceptors inject, standing in for the gogoscope CDI extension.
 *
 * <p>The backend is the real Redis ({@code gogoscope.tck.backend=redis}, the default; {@code redis.uri},
 * default {@code redis://127.0.0.1:6379}). Every deployment gets its own random key prefix, and its keys are
 * deleted (SCAN + DEL of that prefix only) when the deployment shuts down. {@code gogoscope.tck.backend=memory}
 * runs on a fresh in-memory backend per deployment instead (for local runs without Redis).
 */
public class TckStoresExtension implements Extension {

    static final String REDIS_URI = System.getProperty("redis.uri", "redis://127.0.0.1:6379");

    /** Breaker documents written by all TCK deployments: proof that the shared breaker, not SmallRye's, ran. */
    static final AtomicLong RECORD_WRITES = new AtomicLong();
    /** Record calls that failed with {@link BackendException}: the breaker would have failed open on them. */
    static final AtomicLong BACKEND_ERRORS = new AtomicLong();
    /** Redis keys removed after the deployments: proof that the documents were in Redis. */
    static final AtomicLong REDIS_KEYS_DELETED = new AtomicLong();

    private PersistenceAdapter adapter;
    private String redisPrefix;

    /** The backend the run uses: {@code redis} or {@code memory}. */
    static String backend() {
        return System.getProperty("gogoscope.tck.backend", "redis");
    }

    void addProviders(@Observes AfterBeanDiscovery event) {
        if (System.getProperty("gogoscope.tck") == null) {
            return;
        }
        adapter = switch (backend()) {
            case "redis" -> {
                redisPrefix = "gtck" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + ":";
                yield new RedisAdapter(RedisClientConfig.standalone(REDIS_URI).withPoolSize(8), redisPrefix);
            }
            case "memory" -> new MemoryAdapter(new MemoryBackend(), "tck:");
            default -> throw new IllegalArgumentException(
                    "gogoscope.tck.backend must be redis or memory, was '" + backend() + "'");
        };
        adapter.connect();
        event.addBean().types(CircuitBreakerStateProvider.class, Object.class).scope(Singleton.class)
                .id("gogoscope-tck-circuits").createWith(c -> new CountingWrites(adapter.circuitBreakers()));
        event.addBean().types(LockProvider.class, Object.class).scope(Singleton.class)
                .id("gogoscope-tck-locks").createWith(c -> adapter.locks());
        event.addBean().types(IdempotencyProvider.class, Object.class).scope(Singleton.class)
                .id("gogoscope-tck-idempotency").createWith(c -> adapter.idempotency());
    }

    void close(@Observes BeforeShutdown event) {
        if (adapter == null) {
            return;
        }
        adapter.disconnect();
        if (redisPrefix != null) {
            REDIS_KEYS_DELETED.addAndGet(deleteRedisKeys(redisPrefix));
        }
    }

    /** Deletes the keys under {@code prefix} (never anything else); returns how many there were. */
    static long deleteRedisKeys(String prefix) {
        long deleted = 0;
        try (JedisPooled jedis = new JedisPooled(URI.create(REDIS_URI))) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(prefix + "*").count(500));
                for (String key : page.getResult()) {
                    deleted += jedis.del(key);
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        return deleted;
    }

    /** Counts successful {@code compareAndSetRecord} calls and backend failures of the record calls. */
    record CountingWrites(CircuitBreakerStateProvider delegate) implements CircuitBreakerStateProvider {
        @Override
        public Optional<CircuitBreakerState> getState(String key) {
            return delegate.getState(key);
        }

        @Override
        public void setState(String key, CircuitBreakerState state) {
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
        public boolean transitionToHalfOpen(String key, Duration openDelay) {
            return delegate.transitionToHalfOpen(key, openDelay);
        }

        @Override
        public CircuitRecord readRecord(String key) {
            try {
                return delegate.readRecord(key);
            } catch (BackendException e) {
                BACKEND_ERRORS.incrementAndGet();
                throw e;
            }
        }

        @Override
        public boolean compareAndSetRecord(String key, long expectedVersion, String data) {
            boolean written;
            try {
                written = delegate.compareAndSetRecord(key, expectedVersion, data);
            } catch (BackendException e) {
                BACKEND_ERRORS.incrementAndGet();
                throw e;
            }
            if (written) {
                RECORD_WRITES.incrementAndGet();
            }
            return written;
        }

        @Override
        public org.gogoscope.api.Page<org.gogoscope.api.CircuitRecordInfo> listRecords(String pattern, String cursor,
                int limit) {
            return delegate.listRecords(pattern, cursor, limit);
        }
    }
}
