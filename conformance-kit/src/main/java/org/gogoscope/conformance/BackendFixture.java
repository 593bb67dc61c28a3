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
}
