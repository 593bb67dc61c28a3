package org.gogoscope.jpa;

import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;

/** The whole provider contract on {@link TestDatabases#mysqlDriver()}; each adapter is a node with its own pool. */
class MySqlDriverConformanceTest extends ConformanceSuite {

    private static final SqlSettings SETTINGS = TestDatabases.mysqlDriver();

    @Override
    protected BackendFixture fixture() {
        return new SqlFixture(SETTINGS);
    }
}
