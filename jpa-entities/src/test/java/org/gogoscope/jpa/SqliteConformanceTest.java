package org.gogoscope.jpa;

import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;

/** The whole provider contract on {@link TestDatabases#sqlite()}; each adapter is a node with its own pool. */
class SqliteConformanceTest extends ConformanceSuite {

    private static final SqlSettings SETTINGS = TestDatabases.sqlite();

    @Override
    protected BackendFixture fixture() {
        return new SqlFixture(SETTINGS);
    }
}
