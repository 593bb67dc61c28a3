package org.gogoscope.core.storage;

import java.util.Objects;

/** The five storages of one connected backend. */
public record Storages(LockStorage locks, CircuitStorage circuits, CacheStorage cache,
        CheckpointStorage checkpoints, IdempotencyStorage idempotency) {

    public Storages {
        Objects.requireNonNull(locks, "locks");
        Objects.requireNonNull(circuits, "circuits");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(idempotency, "idempotency");
    }
}
