package org.gogoscope.it.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.api.annotation.LockNotAcquiredException;
import org.gogoscope.it.common.Orders;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Beans using {@code @Locked} and {@code @Idempotent} with the store on the WAR's own application-scoped JDBC
 * resource {@code java:app/jdbc/GogoPostgres} (glassfish-resources.xml). Payara binds it only after CDI's
 * {@code AfterDeploymentValidation}, where the interceptors make the store used: this deployment used to fail
 * with {@code NameNotFoundException}; now the store connects on first use.
 */
@ExtendWith(ArquillianExtension.class)
class JdbcResourceInterceptorsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withJdbcResources(Deployments.interceptedWar("jdbc-interceptors", """
                gogoscope.store.default.backend=postgresql
                gogoscope.store.default.datasource=java:app/jdbc/GogoPostgres
                gogoscope.store.default.key-prefix=%s
                """.formatted(Deployments.uniquePrefix("jdbc-interceptors")),
                JdbcResourceInterceptorsIT.class, Orders.class, Orders.Receipt.class));
    }

    @Inject
    Orders orders;
    @Inject
    LockProvider locks;
    @Inject
    PersistenceAdapter adapter;

    @Test
    void aLockedMethodRunsOnTheApplicationScopedDataSource() throws Exception {
        LockHandle other = locks.acquire("job-report", Duration.ofSeconds(30), "another-node").orElseThrow();
        assertThrows(LockNotAcquiredException.class, () -> orders.runJob("report", 0));
        assertTrue(other.release());
        long token = orders.runJob("report", 0);
        assertTrue(token > other.fencingToken(), token + " after " + other.fencingToken());
        assertEquals("postgresql", adapter.backend());
        assertTrue(adapter.isConnected());
    }

    @Test
    void anIdempotentMethodReplaysFromPostgresql() {
        Orders.Receipt first = orders.pay("jdbc-1", 9);
        assertEquals(first, orders.pay("jdbc-1", 9));
    }

    @Test
    void theStoreIsReadyOnceConnected() {
        orders.pay("jdbc-ready", 1); // first use connects, if no other test did
        HealthCheckResponse store = CDI.current().select(HealthCheck.class, Readiness.Literal.INSTANCE).stream()
                .map(HealthCheck::call).filter(r -> r.getName().equals("gogoscope-store-default")).findFirst()
                .orElseThrow();
        assertEquals(HealthCheckResponse.Status.UP, store.getStatus(), String.valueOf(store.getData()));
    }
}
