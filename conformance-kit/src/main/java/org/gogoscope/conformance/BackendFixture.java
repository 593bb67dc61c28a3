package org.gogoscope.conformance;

import org.gogoscope.api.PersistenceAdapter;

/**
 * What a backend gives the conformance kit: fresh adapters on one shared backend.
 */
@FunctionalInterface
public interface BackendFixture {

    /**
     * A new adapter with {@code keyPrefix}, with its own connections (a separate "node"), on the backend every
     * other adapter of this fixture uses. It need not be connected yet; the kit connects and disconnects it.
     */
    PersistenceAdapter newAdapter(String keyPrefix);

    /**
     * Makes the backend forget everything about free locks that its own clean-up may forget: what
     * {@code adapter}'s backend deletes of released and expired locks, eventually, to stay bounded (SQL: the
     * purge of lock rows; Redis: fence counters expiring; MongoDB: the TTL monitor). The kit calls it to prove
     * that fencing tokens keep growing after such a clean-up. The default does nothing: for a backend that never
     * forgets.
     */
    default void forgetFreeLocks(PersistenceAdapter adapter) {
    }
}
