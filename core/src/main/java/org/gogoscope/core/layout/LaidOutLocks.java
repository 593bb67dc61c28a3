package org.gogoscope.core.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.LockStorage;
import org.gogoscope.core.storage.StoredLock;
import org.gogoscope.core.storage.StoredPage;

/** Locks under {@code Plock:K}. The listing's cursor is the backend's, over stored keys, and passes through. */
final class LaidOutLocks implements LockStorage {

    private final LockStorage backend;
    private final NodeLayout.TypeSegment keys;

    LaidOutLocks(LockStorage backend, NodeLayout.TypeSegment keys) {
        this.backend = backend;
        this.keys = keys;
    }

    @Override
    public OptionalLong tryAcquire(String key, String owner, long ttlMillis) {
        return backend.tryAcquire(keys.stored(key), owner, ttlMillis);
    }

    @Override
    public boolean extend(String key, String owner, long ttlMillis) {
        return backend.extend(keys.stored(key), owner, ttlMillis);
    }

    @Override
    public boolean release(String key, String owner) {
        return backend.release(keys.stored(key), owner);
    }

    @Override
    public boolean forceRelease(String key) {
        return backend.forceRelease(keys.stored(key));
    }

    @Override
    public Optional<StoredLock> inspect(String key) {
        return backend.inspect(keys.stored(key)).map(this::full);
    }

    @Override
    public StoredPage<StoredLock> list(KeyPattern pattern, String cursor, int limit) {
        StoredPage<StoredLock> page = backend.list(keys.stored(pattern), cursor, limit);
        List<StoredLock> locks = new ArrayList<>(page.items().size());
        for (StoredLock lock : page.items()) {
            locks.add(full(lock));
        }
        return new StoredPage<>(locks, page.next());
    }

    private StoredLock full(StoredLock lock) {
        return new StoredLock(keys.full(lock.key()), lock.owner(), lock.fencingToken(), lock.remainingMillis());
    }
}
