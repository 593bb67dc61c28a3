package org.gogoscope.api;

/**
 * One connection to one backend, serving all five providers under one key prefix.
 *
 * <p>Lifecycle: {@link #connect()} opens pools and creates the schema or indexes where the backend needs them.
 * It is idempotent and safe when several nodes call it at once. {@link #disconnect()} closes everything the
 * adapter opened and is idempotent too. Provider methods called while the adapter is not connected throw
 * {@link IllegalStateException}. Adapters are thread-safe.
 */
public interface PersistenceAdapter extends AutoCloseable {

    /** The backend's name as used in configuration, e.g. {@code "postgresql"}, {@code "redis"}, {@code "memory"}. */
    String backend();

    /** The prefix prepended to every key; empty when none was configured. */
    String keyPrefix();

    /**
     * The longest key, prefix included, that this backend can store, in characters. Longer keys are
     * rejected with {@link IllegalArgumentException}.
     */
    int maxKeyLength();

    /**
     * The longest TTL (and idempotency lease) this backend stores: 36,500 days on every backend of this library.
     * A longer one is refused with an {@link IllegalArgumentException} naming the argument and this limit, before
     * any round trip; a value that is to live for good is written without a TTL instead.
     */
    default java.time.Duration maxTtl() {
        return java.time.Duration.ofDays(36_500);
    }

    /** Opens connections and creates the schema where needed. Idempotent. */
    void connect();

    /** Closes what {@link #connect()} opened. Idempotent; never throws for an already closed adapter. */
    void disconnect();

    /** Whether {@link #connect()} succeeded and {@link #disconnect()} was not called since. */
    boolean isConnected();

    LockProvider locks();

    CircuitBreakerStateProvider circuitBreakers();

    CacheProvider cache();

    CheckpointProvider checkpoints();

    IdempotencyProvider idempotency();

    /** Same as {@link #disconnect()}. */
    @Override
    default void close() {
        disconnect();
    }
}
