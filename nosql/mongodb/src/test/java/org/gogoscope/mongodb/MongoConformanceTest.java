package org.gogoscope.mongodb;

import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;

/**
 * The whole contract on the in-process stand-in; every adapter has its own MongoClient (pool), i.e. is a node.
 */
class MongoConformanceTest extends ConformanceSuite {

    @Override
    protected BackendFixture fixture() {
        return new MongoFixture(InProcessMongo.uri(), "test");
    }
}
