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
 * {@link InterceptorsContract} on Helidon MP, with Helidon's own Fault Tolerance (its {@code CommandInterceptor} at
 * {@code PLATFORM_AFTER + 10}, moved by {@code mp.fault.tolerance.interceptor.priority}, and a method's breaker
 * switched off by {@code <class>/<method>/CircuitBreaker/enabled=false}, both the standard way), on PostgreSQL
 * through Helidon's HikariCP DataSource bean: {@code @Locked}, {@code @Idempotent}, the shared
 * {@code @CircuitBreaker} in effect (a second bean sharing the name) and {@code @Fallback} wrapping it.
 */
@HelidonTest
@AddBean(Orders.class)
@AddBean(Warehouse.class)
@AddBean(Quotes.class)
class InterceptorsIT extends InterceptorsContract {

    @AddConfigSource
    static ConfigSource config() {
        return Stores.config("interceptors", """
                javax.sql.DataSource.gogopg.jdbcUrl=%s
                javax.sql.DataSource.gogopg.username=postgres
                gogoscope.store.default.backend=postgresql
                gogoscope.store.default.datasource-bean=gogopg
                """.formatted(Stores.POSTGRES_URL));
    }
}
