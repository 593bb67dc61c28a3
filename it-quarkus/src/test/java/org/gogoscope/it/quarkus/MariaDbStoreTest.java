package org.gogoscope.it.quarkus;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The store contract on backend {@code mariadb} ({@link Profiles.MariaDb}). */
@QuarkusTest
@TestProfile(Profiles.MariaDb.class)
class MariaDbStoreTest extends QuarkusStoreContract {

    @Override
    protected String expectedBackend() {
        return "mariadb";
    }
}
