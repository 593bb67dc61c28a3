package org.gogoscope.core;

import java.util.function.Supplier;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.CheckpointProvider;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.spi.AdapterSettings;
import org.gogoscope.core.storage.Storages;
import org.gogoscope.core.telemetry.GuardedTelemetry;
import org.gogoscope.core.telemetry.Telemetry;

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
    private final HeldLocks heldLocks = new HeldLocks();
    private volatile Telemetry telemetry = Telemetry.NONE;
    private volatile Telemetry.Store store;

    protected StorageAdapter(String backend, String keyPrefix, int maxKeyLength) {
        this(backend, keyPrefix, maxKeyLength, JsonCodec.defaultCodec());
    }

    protected StorageAdapter(String backend, String keyPrefix, int maxKeyLength, JsonCodec json) {
        this.backend = Args.text("backend", backend);
        this.keySpace = new KeySpace(keyPrefix, maxKeyLength);
        this.store = new Telemetry.Store(AdapterSettings.DEFAULT_STORE, this.backend);
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
        Telemetry.Operation observed = telemetry.begin(store, operation);
        Throwable failure = null;
        try {
            return action.get();
        } catch (BackendException | IllegalArgumentException e) {
            failure = e;
            throw e;
        } catch (RuntimeException e) {
            BackendException translated = new BackendException(backend, operation, e);
            failure = translated;
            throw translated;
        } catch (Error e) {
            failure = e;
            throw e;
        } finally {
            observed.end(failure);
        }
    }

    /**
     * Reports this adapter's work to {@code telemetry} as store {@code storeName} from now on: every backend
     * operation, lock, cache, idempotency and checkpoint outcome, and the locks this node holds. Call it once,
     * before use (the CDI extension does, for every configured store, when a telemetry implementation is present).
     */
    public final void observeWith(String storeName, Telemetry telemetry) {
        Args.text("storeName", storeName);
        Args.notNull("telemetry", telemetry);
        Telemetry.Store named = new Telemetry.Store(storeName, backend);
        Telemetry guarded = GuardedTelemetry.of(telemetry);
        guarded.heldLocks(named, heldLocks::count);
        this.store = named;
        this.telemetry = guarded;
    }

    Telemetry telemetry() {
        return telemetry;
    }

    Telemetry.Store store() {
        return store;
    }

    /** The handles of this node's locks, tracked while telemetry is attached. */
    HeldLocks heldLocks() {
        return heldLocks;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[backend=" + backend + ", prefix='" + keySpace.prefix() + "']";
    }
}
