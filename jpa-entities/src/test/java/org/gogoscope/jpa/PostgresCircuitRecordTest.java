package org.gogoscope.jpa;

import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.CircuitRecordContract;

/** Versioned breaker records on {@link TestDatabases#postgresql()}. */
class PostgresCircuitRecordTest extends CircuitRecordContract {

    private static final SqlSettings SETTINGS = TestDatabases.postgresql();

    @Override
    protected BackendFixture fixture() {
        return prefix -> new SqlAdapter(SETTINGS, prefix);
    }
}
