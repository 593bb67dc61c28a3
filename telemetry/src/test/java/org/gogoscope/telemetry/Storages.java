package org.gogoscope.telemetry;

import java.lang.reflect.Proxy;
import org.gogoscope.core.StorageAdapter;
import org.gogoscope.core.storage.CacheStorage;
import org.gogoscope.core.storage.CheckpointStorage;
import org.gogoscope.core.storage.CircuitStorage;
import org.gogoscope.core.storage.IdempotencyStorage;
import org.gogoscope.core.storage.LockStorage;

/** Test backends: one whose every storage call fails as a lost connection does, one with a lock storage given. */
final class Storages {

    private Storages() {
    }

    /** Backend {@code broken}: connects, then every storage call throws {@code UncheckedIOException}. */
    static StorageAdapter broken() {
        return withLocks("broken", failing(LockStorage.class));
    }

    /** Backend {@code backend} whose locks are {@code locks}; every other storage fails. */
    static StorageAdapter withLocks(String backend, LockStorage locks) {
        return new StorageAdapter(backend, "t:", 100) {
            @Override
            protected org.gogoscope.core.storage.Storages open() {
                return new org.gogoscope.core.storage.Storages(locks, failing(CircuitStorage.class),
                        failing(CacheStorage.class), failing(CheckpointStorage.class),
                        failing(IdempotencyStorage.class));
            }

            @Override
            protected void close(org.gogoscope.core.storage.Storages storages) {
            }
        };
    }

    @SuppressWarnings("unchecked")
    static <T> T failing(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            throw new java.io.UncheckedIOException(new java.io.IOException("connection reset"));
        });
    }
}
