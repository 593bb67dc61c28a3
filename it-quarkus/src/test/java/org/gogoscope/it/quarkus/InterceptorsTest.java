package org.gogoscope.it.quarkus;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.gogoscope.it.common.InterceptorsContract;

/**
 * {@link InterceptorsContract} on Quarkus with its SmallRye Fault Tolerance (built at build time, its interceptor
 * at {@code PLATFORM_AFTER + 10}), on PostgreSQL through the default DataSource bean: {@code @Locked},
 * {@code @Idempotent}, the shared {@code @CircuitBreaker} in effect (a second bean sharing the name) and
 * {@code @Fallback} wrapping it.
 */
@QuarkusTest
@TestProfile(Profiles.Interceptors.class)
class InterceptorsTest extends InterceptorsContract {
}
