package org.gogoscope.it.quarkus;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The store contract on backend {@code postgresql} ({@link Profiles.Postgres}). */
@QuarkusTest
@TestProfile(Profiles.Postgres.class)
class PostgresStoreTest extends QuarkusStoreContract {

    @Override
    protected String expectedBackend() {
        return "postgresql";
    }
}
