package org.gogoscope.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;

/** The handle of one grant; releases at most once, whatever the backend. */
final class DefaultLockHandle implements LockHandle {

    private final LockProvider locks;
    private final String key;
    private final String owner;
    private final long fencingToken;
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile long validUntilNanos;
    private volatile boolean lost;

    DefaultLockHandle(LockProvider locks, String key, String owner, long fencingToken, long sentAtNanos,
            long ttlMillis) {
        this.locks = locks;
        this.key = key;
        this.owner = owner;
        this.fencingToken = fencingToken;
        this.validUntilNanos = sentAtNanos + TimeUnit.MILLISECONDS.toNanos(ttlMillis);
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public long fencingToken() {
        return fencingToken;
    }

    @Override
    public boolean release() {
        if (!released.compareAndSet(false, true)) {
            return false;
        }
        return locks.release(key, owner);
    }

    @Override
    public boolean extend(Duration ttl) {
        if (released.get() || lost) {
            return false;
        }
        long ttlMillis = Args.ttlMillis("ttl", ttl);
        long sentAt = System.nanoTime();
        if (locks.extend(key, ttl, owner)) {
            validUntilNanos = sentAt + TimeUnit.MILLISECONDS.toNanos(ttlMillis);
            return true;
        }
        lost = true;
        return false;
    }

    @Override
    public boolean isValid() {
        return !released.get() && !lost && System.nanoTime() - validUntilNanos < 0;
    }

    @Override
    public void close() {
        release();
    }

    @Override
    public String toString() {
        return "LockHandle[key=" + key + ", owner=" + owner + ", fencingToken=" + fencingToken + "]";
    }
}
