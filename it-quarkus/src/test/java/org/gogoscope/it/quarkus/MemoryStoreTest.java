package org.gogoscope.it.quarkus;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The store contract on backend {@code memory} ({@link Profiles.Memory}). */
@QuarkusTest
@TestProfile(Profiles.Memory.class)
class MemoryStoreTest extends QuarkusStoreContract {

    @Override
    protected String expectedBackend() {
        return "memory";
    }
}
