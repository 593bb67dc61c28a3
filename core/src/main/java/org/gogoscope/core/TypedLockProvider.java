package org.gogoscope.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockInfo;
import org.gogoscope.api.LockPage;
import org.gogoscope.api.Page;
import org.gogoscope.api.LockProvider;
import org.gogoscope.core.storage.LockStorage;
import org.gogoscope.core.storage.StoredLock;
import org.gogoscope.core.telemetry.Telemetry;

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
        long ttlMillis = Args.ttlMillis("ttl", ttl, adapter.maxTtl(), adapter.backend());
        Args.text("owner", owner);
        LockStorage storage = adapter.storages().locks();
        long sentAt = System.nanoTime();
        Telemetry telemetry = adapter.telemetry();
        OptionalLong token;
        try {
            token = adapter.call("lock.acquire", () -> storage.tryAcquire(full, owner, ttlMillis));
        } catch (RuntimeException e) {
            telemetry.lockAcquired(adapter.store(), Telemetry.LockOutcome.ERROR);
            throw e;
        }
        if (token.isEmpty()) {
            telemetry.lockAcquired(adapter.store(), Telemetry.LockOutcome.REFUSED);
            return Optional.empty();
        }
        telemetry.lockAcquired(adapter.store(), Telemetry.LockOutcome.GRANTED);
        DefaultLockHandle handle = new DefaultLockHandle(this, key, owner, token.getAsLong(), sentAt, ttlMillis);
        if (telemetry != Telemetry.NONE) {
            adapter.heldLocks().granted(handle);
        }
        return Optional.of(handle);
    }

    /** A handle's release got its answer {@code heldNanos} after the grant: the lock is no longer this node's. */
    void ended(DefaultLockHandle handle, long heldNanos) {
        adapter.heldLocks().ended(handle);
        adapter.telemetry().lockReleased(adapter.store(), heldNanos);
    }

    @Override
    public boolean extend(String key, Duration ttl, String owner) {
        String full = adapter.keySpace().full("key", key);
        long ttlMillis = Args.ttlMillis("ttl", ttl, adapter.maxTtl(), adapter.backend());
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

    @Override
    public Optional<LockInfo> inspect(String key) {
        String full = adapter.keySpace().full("key", key);
        LockStorage storage = adapter.storages().locks();
        return adapter.call("lock.inspect", () -> storage.inspect(full)).map(this::info);
    }

    @Override
    public LockPage list(String pattern, String cursor, int limit) {
        LockStorage storage = adapter.storages().locks();
        Page<LockInfo> page = Listing.page(adapter, "lock.list", pattern, cursor, limit,
                matching -> storage.list(matching, cursor, limit), StoredLock::key, this::info);
        return new LockPage(page.items(), page.next());
    }

    private LockInfo info(StoredLock lock) {
        return new LockInfo(adapter.keySpace().strip(lock.key()), lock.owner(), lock.fencingToken(),
                Duration.ofMillis(Math.max(1, lock.remainingMillis())));
    }
}
