package org.gogoscope.mongodb;

import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.CircuitRecordContract;

/** Versioned breaker records on the in-process stand-in; every adapter has its own MongoClient (a node). */
class MongoCircuitRecordTest extends CircuitRecordContract {

    @Override
    protected BackendFixture fixture() {
        return prefix -> new MongoAdapter(InProcessMongo.config(), prefix);
    }
}
