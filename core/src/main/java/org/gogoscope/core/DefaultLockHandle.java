package org.gogoscope.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gogoscope.api.LockHandle;

/**
 * The handle of one grant. At most one release succeeds: once a release got an answer from the backend (removed
 * or not held any more) every later call returns {@code false} without a round trip; a release that failed (the
 * backend could not be reached) leaves the handle held, so {@code release()} or {@code close()} can try again.
 */
final class DefaultLockHandle implements LockHandle {

    private final TypedLockProvider locks;
    private final String key;
    private final String owner;
    private final long fencingToken;
    private static final int HELD = 0;
    private static final int RELEASING = 1;
    private static final int RELEASED = 2;

    /** {@link #HELD}, {@link #RELEASING} while one release is on its way, {@link #RELEASED} once answered. */
    /**
     * Backends keep a lock's expiry in whole milliseconds of their clock, so a grant can end up to one millisecond
     * before {@code sent + ttl} on this JVM's clock: the local view ends that much earlier, to stay conservative.
     */
    private static final long BACKEND_CLOCK_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicInteger state = new AtomicInteger(HELD);
    private final long grantedAtNanos = System.nanoTime();
    private volatile long validUntilNanos;
    private volatile boolean lost;

    DefaultLockHandle(TypedLockProvider locks, String key, String owner, long fencingToken, long sentAtNanos,
            long ttlMillis) {
        this.locks = locks;
        this.key = key;
        this.owner = owner;
        this.fencingToken = fencingToken;
        this.validUntilNanos = sentAtNanos + TimeUnit.MILLISECONDS.toNanos(ttlMillis) - BACKEND_CLOCK_TICK_NANOS;
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
        if (!state.compareAndSet(HELD, RELEASING)) {
            return false;
        }
        boolean removed;
        try {
            removed = locks.release(key, owner);
        } catch (RuntimeException e) {
            state.set(HELD); // nothing reached the backend for sure: the next release tries again
            throw e;
        }
        state.set(RELEASED);
        locks.ended(this, System.nanoTime() - grantedAtNanos);
        return removed;
    }

    @Override
    public boolean extend(Duration ttl) {
        if (state.get() != HELD || lost) {
            return false;
        }
        long ttlMillis = Args.ttlMillis("ttl", ttl);
        long sentAt = System.nanoTime();
        if (locks.extend(key, ttl, owner)) {
            validUntilNanos = sentAt + TimeUnit.MILLISECONDS.toNanos(ttlMillis) - BACKEND_CLOCK_TICK_NANOS;
            return true;
        }
        lost = true;
        return false;
    }

    @Override
    public boolean isValid() {
        return state.get() == HELD && !lost && System.nanoTime() - validUntilNanos < 0;
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
