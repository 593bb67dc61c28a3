package org.gogoscope.it.quarkus;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The store contract on backend {@code redis} ({@link Profiles.Redis}). */
@QuarkusTest
@TestProfile(Profiles.Redis.class)
class RedisStoreTest extends QuarkusStoreContract {

    @Override
    protected String expectedBackend() {
        return "redis";
    }
}
