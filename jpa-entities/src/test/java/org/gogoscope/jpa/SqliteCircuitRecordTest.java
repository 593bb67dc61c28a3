package org.gogoscope.jpa;

import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.CircuitRecordContract;

/** Versioned breaker records on {@link TestDatabases#sqlite()}. */
class SqliteCircuitRecordTest extends CircuitRecordContract {

    private static final SqlSettings SETTINGS = TestDatabases.sqlite();

    @Override
    protected BackendFixture fixture() {
        return prefix -> new SqlAdapter(SETTINGS, prefix);
    }
}
