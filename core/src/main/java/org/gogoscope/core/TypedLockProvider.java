package org.gogoscope.core;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;
import org.gogoscope.core.storage.LockStorage;

/** {@link LockProvider} over a backend's {@link LockStorage}. */
final class TypedLockProvider implements LockProvider {

    private final StorageAdapter adapter;

    TypedLockProvider(StorageAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public Optional<LockHandle> acquire(String key, Duration ttl) {
        return acquire(key, ttl, UUID.randomUUID().toString());
    }

    @Override
    public Optional<LockHandle> acquire(String key, Duration ttl, String owner) {
        String full = adapter.keySpace().full("key", key);
        long ttlMillis = Args.ttlMillis("ttl", ttl);
        Args.text("owner", owner);
        LockStorage storage = adapter.storages().locks();
        long sentAt = System.nanoTime();
        OptionalLong token = adapter.call("lock.acquire", () -> storage.tryAcquire(full, owner, ttlMillis));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DefaultLockHandle(this, key, owner, token.getAsLong(), sentAt, ttlMillis));
    }

    @Override
    public boolean extend(String key, Duration ttl, String owner) {
        String full = adapter.keySpace().full("key", key);
        long ttlMillis = Args.ttlMillis("ttl", ttl);
        Args.text("owner", owner);
        LockStorage storage = adapter.storages().locks();
        return adapter.call("lock.extend", () -> storage.extend(full, owner, ttlMillis));
    }

    @Override
    public boolean release(String key, String owner) {
        String full = adapter.keySpace().full("key", key);
        Args.text("owner", owner);
        LockStorage storage = adapter.storages().locks();
        return adapter.call("lock.release", () -> storage.release(full, owner));
    }

    @Override
    public boolean forceRelease(String key) {
        String full = adapter.keySpace().full("key", key);
        LockStorage storage = adapter.storages().locks();
        return adapter.call("lock.forceRelease", () -> storage.forceRelease(full));
    }
}
