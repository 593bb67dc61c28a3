package org.gogoscope.it.helidon;

import io.helidon.microprofile.testing.AddBean;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.gogoscope.it.common.InterceptorsContract;
import org.gogoscope.it.common.Orders;
import org.gogoscope.it.common.Quotes;
import org.gogoscope.it.common.Warehouse;

/**
 * {@link InterceptorsContract} again, with Helidon's Fault Tolerance interceptor moved to priority 6000 by
 * {@code mp.fault.tolerance.interceptor.priority}, which Helidon honours: the shared breaker's two interceptors
 * follow it (placed right around it in {@code AfterTypeDiscovery}'s list, see {@code HostFaultTolerance}), so
 * {@code @Fallback} still wraps the shared breaker and Helidon's own breaker stays off.
 * On the in-memory backend: the placement, not the store, is under test here.
 */
@HelidonTest
@AddBean(Orders.class)
@AddBean(Warehouse.class)
@AddBean(Quotes.class)
class InterceptorsMovedPriorityIT extends InterceptorsContract {

    @AddConfigSource
    static ConfigSource config() {
        return Stores.config("interceptors-moved", """
                mp.fault.tolerance.interceptor.priority=6000
                gogoscope.store.default.backend=memory
                """);
    }
}
