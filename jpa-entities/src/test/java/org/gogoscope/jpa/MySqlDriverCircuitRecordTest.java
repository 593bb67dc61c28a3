package org.gogoscope.jpa;

import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.CircuitRecordContract;

/** Versioned breaker records on {@link TestDatabases#mysqlDriver()}. */
class MySqlDriverCircuitRecordTest extends CircuitRecordContract {

    private static final SqlSettings SETTINGS = TestDatabases.mysqlDriver();

    @Override
    protected BackendFixture fixture() {
        return prefix -> new SqlAdapter(SETTINGS, prefix);
    }
}
