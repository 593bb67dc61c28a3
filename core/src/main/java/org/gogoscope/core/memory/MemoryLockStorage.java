package org.gogoscope.core.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.memory.MemoryBackend.LockEntry;
import org.gogoscope.core.storage.LockStorage;
import org.gogoscope.core.storage.StoredLock;
import org.gogoscope.core.storage.StoredPage;

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

    @Override
    public Optional<StoredLock> inspect(String key) {
        LockEntry entry = backend.locks.get(key);
        long now = backend.now();
        return entry == null || entry.expiresAt() <= now ? Optional.empty()
                : Optional.of(new StoredLock(key, entry.owner(), entry.token(), entry.expiresAt() - now));
    }

    /** In key order; the cursor is the last key of the page. */
    @Override
    public StoredPage<StoredLock> list(KeyPattern pattern, String cursor, int limit) {
        long now = backend.now();
        List<StoredLock> live = new ArrayList<>();
        backend.locks.forEach((key, entry) -> {
            if (entry.expiresAt() > now && (cursor == null || key.compareTo(cursor) > 0) && pattern.matches(key)) {
                live.add(new StoredLock(key, entry.owner(), entry.token(), entry.expiresAt() - now));
            }
        });
        live.sort(Comparator.comparing(StoredLock::key));
        List<StoredLock> page = live.subList(0, Math.min(limit, live.size()));
        return new StoredPage<>(page, live.size() > limit ? page.get(page.size() - 1).key() : null);
    }
}
