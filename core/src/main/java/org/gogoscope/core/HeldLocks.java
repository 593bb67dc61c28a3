package org.gogoscope.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lock handles this node holds in one store, for the "locks held now" gauge, kept only while telemetry is
 * attached: a handle counts from its grant until it is released or its TTL has run out by this node's estimate
 * ({@link DefaultLockHandle#isValid()}, no round trip). Handles no longer valid are dropped when counted and every
 * {@value #PRUNE_EVERY} grants, so the set stays near the number of locks really held even when nothing reads it.
 */
final class HeldLocks {

    static final int PRUNE_EVERY = 1024;

    private final Set<DefaultLockHandle> handles = ConcurrentHashMap.newKeySet();
    private final AtomicInteger grants = new AtomicInteger();

    void granted(DefaultLockHandle handle) {
        handles.add(handle);
        if (grants.incrementAndGet() % PRUNE_EVERY == 0) {
            prune();
        }
    }

    void ended(DefaultLockHandle handle) {
        handles.remove(handle);
    }

    /** How many are held now; drops the others. */
    int count() {
        prune();
        return handles.size();
    }

    private void prune() {
        handles.removeIf(handle -> !handle.isValid());
    }
}
