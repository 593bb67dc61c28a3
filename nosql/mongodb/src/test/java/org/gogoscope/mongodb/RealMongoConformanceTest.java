package org.gogoscope.mongodb;

import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;

/**
 * The whole contract against a real MongoDB (4.2 or later; a replica set for majority concerns) named by the
 * environment variable {@code MONGODB_URI}, in database {@code MONGODB_DATABASE} (default
 * {@code gogoscope_test}). Compiled always, run only by the Maven profile {@code real-mongodb}, which is active
 * when {@code MONGODB_URI} is set: no real server can run on the project's machines, where
 * {@link MongoConformanceTest} runs the same suite on the in-process stand-in. Run with the profile but
 * without a server, it fails rather than skips.
 */
class RealMongoConformanceTest extends ConformanceSuite {

    @Override
    protected BackendFixture fixture() {
        String database = System.getenv().getOrDefault("MONGODB_DATABASE", "gogoscope_test");
        return new MongoFixture(java.util.Objects.requireNonNull(System.getenv("MONGODB_URI"), "MONGODB_URI"),
                database);
    }
}
