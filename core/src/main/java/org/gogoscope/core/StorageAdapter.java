package org.gogoscope.core;

import java.util.function.Supplier;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.CheckpointProvider;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.storage.Storages;

/**
 * The one implementation of {@link PersistenceAdapter} every backend shares. A backend subclass only opens
 * and closes its {@link Storages}; the typed providers here check arguments, apply the key prefix, convert
 * JSON and translate unexpected exceptions into {@link BackendException}.
 */
public abstract class StorageAdapter implements PersistenceAdapter {

    private final String backend;
    private final KeySpace keySpace;
    private final JsonCodec json;
    private final Object lifecycle = new Object();
    private volatile Storages storages;

    private final LockProvider locks;
    private final CircuitBreakerStateProvider circuits;
    private final CacheProvider cache;
    private final CheckpointProvider checkpoints;
    private final IdempotencyProvider idempotency;

    protected StorageAdapter(String backend, String keyPrefix, int maxKeyLength) {
        this(backend, keyPrefix, maxKeyLength, JsonCodec.defaultCodec());
    }

    protected StorageAdapter(String backend, String keyPrefix, int maxKeyLength, JsonCodec json) {
        this.backend = Args.text("backend", backend);
        this.keySpace = new KeySpace(keyPrefix, maxKeyLength);
        this.json = json;
        this.locks = new TypedLockProvider(this);
        this.circuits = new TypedCircuitBreakerStateProvider(this);
        this.cache = new TypedCacheProvider(this);
        this.checkpoints = new TypedCheckpointProvider(this);
        this.idempotency = new TypedIdempotencyProvider(this);
    }

    /**
     * Opens pools and creates the schema; called by {@link #connect()} once per connection, never concurrently.
     * Must be safe when several nodes do it at once.
     */
    protected abstract Storages open();

    /** Closes what {@link #open()} opened; called by {@link #disconnect()}, never concurrently. */
    protected abstract void close(Storages storages);

    @Override
    public final void connect() {
        synchronized (lifecycle) {
            if (storages == null) {
                storages = call("connect", this::open);
            }
        }
    }

    @Override
    public final void disconnect() {
        synchronized (lifecycle) {
            Storages open = storages;
            storages = null;
            if (open != null) {
                call("disconnect", () -> {
                    close(open);
                    return null;
                });
            }
        }
    }

    @Override
    public final boolean isConnected() {
        return storages != null;
    }

    @Override
    public final String backend() {
        return backend;
    }

    @Override
    public final String keyPrefix() {
        return keySpace.prefix();
    }

    @Override
    public final int maxKeyLength() {
        return keySpace.maxKeyLength();
    }

    @Override
    public final LockProvider locks() {
        return locks;
    }

    @Override
    public final CircuitBreakerStateProvider circuitBreakers() {
        return circuits;
    }

    @Override
    public final CacheProvider cache() {
        return cache;
    }

    @Override
    public final CheckpointProvider checkpoints() {
        return checkpoints;
    }

    @Override
    public final IdempotencyProvider idempotency() {
        return idempotency;
    }

    KeySpace keySpace() {
        return keySpace;
    }

    JsonCodec json() {
        return json;
    }

    /** The open storages; {@link IllegalStateException} when not connected. */
    Storages storages() {
        Storages open = storages;
        if (open == null) {
            throw new IllegalStateException(backend + " adapter is not connected: call connect() first");
        }
        return open;
    }

    /**
     * Runs one backend operation. Argument errors and the library's own exceptions pass through; any other
     * runtime exception a backend let escape becomes a {@link BackendException} naming backend and operation.
     */
    protected final <T> T call(String operation, Supplier<T> action) {
        try {
            return action.get();
        } catch (BackendException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BackendException(backend, operation, e);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[backend=" + backend + ", prefix='" + keySpace.prefix() + "']";
    }
}
