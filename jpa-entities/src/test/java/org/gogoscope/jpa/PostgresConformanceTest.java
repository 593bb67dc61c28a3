package org.gogoscope.jpa;

import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;

/** The whole provider contract on {@link TestDatabases#postgresql()}; each adapter is a node with its own pool. */
class PostgresConformanceTest extends ConformanceSuite {

    private static final SqlSettings SETTINGS = TestDatabases.postgresql();

    @Override
    protected BackendFixture fixture() {
        return new SqlFixture(SETTINGS);
    }
}
