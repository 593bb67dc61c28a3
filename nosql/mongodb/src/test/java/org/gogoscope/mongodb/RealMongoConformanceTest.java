package org.gogoscope.mongodb;

import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The whole contract against a real MongoDB (4.2 or later; a replica set for majority concerns) named by the
 * environment variable {@code MONGODB_URI}, in database {@code MONGODB_DATABASE} (default
 * {@code gogoscope_test}). Skipped when {@code MONGODB_URI} is unset: no real server can run on the project's
 * machines, where {@link MongoConformanceTest} runs the same suite on the in-process stand-in.
 */
@EnabledIfEnvironmentVariable(named = "MONGODB_URI", matches = ".+")
class RealMongoConformanceTest extends ConformanceSuite {

    @Override
    protected BackendFixture fixture() {
        String database = System.getenv().getOrDefault("MONGODB_DATABASE", "gogoscope_test");
        return prefix -> new MongoAdapter(MongoConfig.of(System.getenv("MONGODB_URI"), database), prefix);
    }
}
