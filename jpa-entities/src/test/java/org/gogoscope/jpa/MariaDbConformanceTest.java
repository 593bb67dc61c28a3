package org.gogoscope.jpa;

import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;

/** The whole provider contract on {@link TestDatabases#mariadb()}; each adapter is a node with its own pool. */
class MariaDbConformanceTest extends ConformanceSuite {

    private static final SqlSettings SETTINGS = TestDatabases.mariadb();

    @Override
    protected BackendFixture fixture() {
        return new SqlFixture(SETTINGS);
    }
}
