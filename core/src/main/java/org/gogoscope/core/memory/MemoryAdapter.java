package org.gogoscope.core.memory;

import org.gogoscope.core.StorageAdapter;
import org.gogoscope.core.storage.Storages;

/**
 * The in-memory backend ({@code memory}): thread-safe, no persistence, for tests and single-JVM use.
 * Adapters sharing one {@link MemoryBackend} see the same data.
 */
public final class MemoryAdapter extends StorageAdapter {

    /** Keys up to this many characters, prefix included. */
    public static final int MAX_KEY_LENGTH = 1024;

    private final MemoryBackend backend;

    public MemoryAdapter(MemoryBackend backend, String keyPrefix) {
        super("memory", keyPrefix, MAX_KEY_LENGTH);
        this.backend = backend;
    }

    /** An adapter on a backend of its own. */
    public MemoryAdapter(String keyPrefix) {
        this(new MemoryBackend(), keyPrefix);
    }

    @Override
    protected Storages open() {
        return new Storages(new MemoryLockStorage(backend), new MemoryCircuitStorage(backend),
                new MemoryCacheStorage(backend), new MemoryCheckpointStorage(backend),
                new MemoryIdempotencyStorage(backend));
    }

    @Override
    protected void close(Storages storages) {
        // nothing to close: the data belongs to the MemoryBackend
    }
}
