package org.gogoscope.api;

import java.time.Duration;

/**
 * One grant of a lock. Closing the handle releases the lock, so it fits try-with-resources. At most one release
 * succeeds: once a release got its answer from the backend, later calls do nothing. Thread-safe.
 */
public interface LockHandle extends AutoCloseable {

    /** The key as the application gave it, without the adapter's prefix. */
    String key();

    /** The owner this grant was made to. */
    String owner();

    /** The fencing token of this grant: greater than that of every earlier grant of the same key. */
    long fencingToken();

    /**
     * Releases the lock if this owner still holds it. Calls reach the backend until one gets an answer: a release
     * that failed with a {@link BackendException} (the backend down, a timeout) changed nothing here and can be
     * tried again, by {@code release()} or {@code close()}; after an answer, later calls return {@code false} at
     * once. If no release ever gets through, the lock expires with its TTL.
     *
     * @return {@code true} if this call removed the lock
     * @throws BackendException if the backend could not be asked; the handle is still held
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
     * extend was sent, less one millisecond: backends keep the expiry in whole milliseconds of their clock) has run
     * out. It asks no backend, so it cannot see a {@code forceRelease} by another
     * node: protect resources with {@link #fencingToken()} for that.
     */
    boolean isValid();

    /** Releases the lock, like {@link #release()}, and never throws for an already released handle. */
    @Override
    void close();
}
