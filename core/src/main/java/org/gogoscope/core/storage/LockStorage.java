package org.gogoscope.core.storage;

import java.util.OptionalLong;

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
}
