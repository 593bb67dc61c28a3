package org.gogoscope.it.quarkus;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The store contract on backend {@code sqlite} ({@link Profiles.Sqlite}). */
@QuarkusTest
@TestProfile(Profiles.Sqlite.class)
class SqliteStoreTest extends QuarkusStoreContract {

    @Override
    protected String expectedBackend() {
        return "sqlite";
    }
}
