package org.gogoscope.core.memory;

import java.util.OptionalLong;
import org.gogoscope.core.memory.MemoryBackend.LockEntry;
import org.gogoscope.core.storage.LockStorage;

final class MemoryLockStorage implements LockStorage {

    private final MemoryBackend backend;

    MemoryLockStorage(MemoryBackend backend) {
        this.backend = backend;
    }

    @Override
    public OptionalLong tryAcquire(String key, String owner, long ttlMillis) {
        long[] granted = {-1};
        backend.locks.compute(key, (k, current) -> {
            long now = backend.now();
            if (current != null && current.expiresAt() > now && !current.owner().equals(owner)) {
                return current;
            }
            granted[0] = backend.fencingTokens.incrementAndGet();
            return new LockEntry(owner, now + ttlMillis, granted[0]);
        });
        return granted[0] < 0 ? OptionalLong.empty() : OptionalLong.of(granted[0]);
    }

    @Override
    public boolean extend(String key, String owner, long ttlMillis) {
        boolean[] extended = {false};
        backend.locks.computeIfPresent(key, (k, current) -> {
            long now = backend.now();
            if (current.expiresAt() > now && current.owner().equals(owner)) {
                extended[0] = true;
                return new LockEntry(owner, now + ttlMillis, current.token());
            }
            return current;
        });
        return extended[0];
    }

    @Override
    public boolean release(String key, String owner) {
        boolean[] released = {false};
        backend.locks.computeIfPresent(key, (k, current) -> {
            if (current.owner().equals(owner)) {
                released[0] = current.expiresAt() > backend.now();
                return null;
            }
            return current;
        });
        return released[0];
    }

    @Override
    public boolean forceRelease(String key) {
        LockEntry removed = backend.locks.remove(key);
        return removed != null && removed.expiresAt() > backend.now();
    }
}
