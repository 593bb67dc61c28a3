package org.gogoscope.core.memory;

import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;

/** The in-memory backend passes the whole contract; its adapters on one backend act as nodes. */
class MemoryConformanceTest extends ConformanceSuite {

    private static final MemoryBackend BACKEND = new MemoryBackend();

    @Override
    protected BackendFixture fixture() {
        return prefix -> new MemoryAdapter(BACKEND, prefix);
    }
}
