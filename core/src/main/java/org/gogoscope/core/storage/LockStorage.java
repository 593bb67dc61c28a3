package org.gogoscope.core.storage;

import java.util.Optional;
import java.util.OptionalLong;
import org.gogoscope.core.KeyPattern;

/** Raw lock operations. Semantics are those of {@link org.gogoscope.api.LockProvider}, on full keys. */
public interface LockStorage {

    /**
     * In one atomic step: if {@code key} is free, expired, or live and held by {@code owner}, grant it to
     * {@code owner} until now + {@code ttlMillis} with a fencing token greater than any granted before for
     * {@code key}, and return that token; otherwise return empty. Never throws for contention.
     */
    OptionalLong tryAcquire(String key, String owner, long ttlMillis);

    /** If {@code owner} holds the live lock, set its expiry to now + {@code ttlMillis} and return true. */
    boolean extend(String key, String owner, long ttlMillis);

    /** If {@code owner} holds the live lock, remove it and return true (compare-and-delete). */
    boolean release(String key, String owner);

    /** Remove the lock whoever holds it; true if a live one was removed. Fencing tokens keep increasing. */
    boolean forceRelease(String key);

    /**
     * The live lock on {@code key}, in one round trip, with the time left measured on the backend's clock;
     * empty when it is free, released or expired. Changes nothing.
     */
    Optional<StoredLock> inspect(String key);

    /**
     * One bounded read of the live locks whose full keys match {@code pattern}: at most {@code limit}, starting
     * after {@code cursor} ({@code null} for the first page). The cursor is the backend's own (a last key, a SCAN
     * cursor); return {@code null} as the next cursor when nothing more can follow. Changes nothing.
     */
    StoredPage<StoredLock> list(KeyPattern pattern, String cursor, int limit);
}
