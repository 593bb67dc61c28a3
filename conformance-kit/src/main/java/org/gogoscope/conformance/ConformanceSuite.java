package org.gogoscope.conformance;

import org.junit.jupiter.api.Nested;

/**
 * The whole provider contract. A backend's test extends this class and implements {@link #fixture()}:
 * <pre>{@code
 * class PostgresConformanceTest extends ConformanceSuite {
 *     protected BackendFixture fixture() { return prefix -> new SqlAdapter(dataSourceSettings, prefix); }
 * }
 * }</pre>
 */
public abstract class ConformanceSuite {

    /** The backend under test; called once per test, may return the same fixture every time. */
    protected abstract BackendFixture fixture();

    @Nested
    public class Locks extends LockContract {
        @Override
        protected BackendFixture fixture() {
            return ConformanceSuite.this.fixture();
        }
    }

    @Nested
    public class CircuitBreakers extends CircuitBreakerContract {
        @Override
        protected BackendFixture fixture() {
            return ConformanceSuite.this.fixture();
        }
    }

    @Nested
    public class CircuitRecords extends CircuitRecordContract {
        @Override
        protected BackendFixture fixture() {
            return ConformanceSuite.this.fixture();
        }
    }

    @Nested
    public class Cache extends CacheContract {
        @Override
        protected BackendFixture fixture() {
            return ConformanceSuite.this.fixture();
        }
    }

    @Nested
    public class Checkpoints extends CheckpointContract {
        @Override
        protected BackendFixture fixture() {
            return ConformanceSuite.this.fixture();
        }
    }

    @Nested
    public class Idempotency extends IdempotencyContract {
        @Override
        protected BackendFixture fixture() {
            return ConformanceSuite.this.fixture();
        }
    }
}
