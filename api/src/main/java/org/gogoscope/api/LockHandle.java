package org.gogoscope.api;

import java.time.Duration;

/**
 * One grant of a lock. Closing the handle releases the lock (once; later calls do nothing), so it fits
 * try-with-resources. Thread-safe.
 */
public interface LockHandle extends AutoCloseable {

    /** The key as the application gave it, without the adapter's prefix. */
    String key();

    /** The owner this grant was made to. */
    String owner();

    /** The fencing token of this grant: greater than that of every earlier grant of the same key. */
    long fencingToken();

    /**
     * Releases the lock if this owner still holds it. Only the first call reaches the backend.
     *
     * @return {@code true} if this call removed the lock
     */
    boolean release();

    /**
     * Sets the remaining TTL to {@code ttl} if this owner still holds the live lock.
     *
     * @return {@code false} if the lock expired, was released or was taken over; then the handle stays invalid
     */
    boolean extend(Duration ttl);

    /**
     * A local, conservative view of the grant: {@code false} once the handle was released, an extend failed,
     * or the TTL (measured on this JVM's monotonic clock from <em>before</em> the acquire or last successful
     * extend was sent) has run out. It asks no backend, so it cannot see a {@code forceRelease} by another
     * node: protect resources with {@link #fencingToken()} for that.
     */
    boolean isValid();

    /** Releases the lock, like {@link #release()}, and never throws for an already released handle. */
    @Override
    void close();
}
