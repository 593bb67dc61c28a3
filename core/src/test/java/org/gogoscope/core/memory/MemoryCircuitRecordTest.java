package org.gogoscope.core.memory;

import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.CircuitRecordContract;

/** The in-memory backend implements versioned breaker records. */
class MemoryCircuitRecordTest extends CircuitRecordContract {

    private static final MemoryBackend BACKEND = new MemoryBackend();

    @Override
    protected BackendFixture fixture() {
        return prefix -> new MemoryAdapter(BACKEND, prefix);
    }
}
