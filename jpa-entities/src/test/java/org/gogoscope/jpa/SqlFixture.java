package org.gogoscope.jpa;

import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.conformance.BackendFixture;

/** The conformance kit's view of one SQL database: adapters as nodes, and the purge of free lock rows. */
record SqlFixture(SqlSettings settings) implements BackendFixture {

    @Override
    public PersistenceAdapter newAdapter(String keyPrefix) {
        return new SqlAdapter(settings, keyPrefix);
    }

    @Override
    public void forgetFreeLocks(PersistenceAdapter adapter) {
        ((SqlAdapter) adapter).purgeNow();
    }
}
