package org.gogoscope.interceptors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.Extension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.annotation.LockNotAcquiredException;
import org.gogoscope.testsupport.IsolatedClassPath;
import org.gogoscope.core.breaker.BreakerSettings;
import org.gogoscope.core.breaker.SharedBreaker;
import org.gogoscope.core.breaker.Ticker;
import org.gogoscope.core.memory.MemoryAdapter;
import org.gogoscope.interceptors.idempotent.IdempotentBeans.Payments;
import org.gogoscope.interceptors.idempotent.IdempotentBeans.Receipt;
import org.gogoscope.interceptors.locked.LockedBeans.Orders;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * The MicroProfile Fault Tolerance API is optional (WildFly adds it only to deployments that use one of its
 * annotations): in a class loader without it (no {@code microprofile-fault-tolerance-api}, no SmallRye Fault
 * Tolerance) the extension boots, {@code @Locked} and {@code @Idempotent} work, no shared-breaker interceptor is
 * installed, and {@code @SharedCircuitBreaker} is reported at deployment with the reason.
 */
class WithoutFaultToleranceApiTest {

    @Test
    void lockedAndIdempotentWorkWhenTheFaultToleranceApiIsAbsent() throws Exception {
        assertThat(IsolatedClassPath.run("fault-tolerance", WithoutFaultToleranceApiTest.class, "bootAndCall"))
                .isEqualTo(String.join("\n", "no fault tolerance api",
                        "locked: refused while held elsewhere, then token grows",
                        "idempotent: 1 run, replayed",
                        "shared breaker interceptors: 0"));
    }

    @Test
    void sharedCircuitBreakerWithoutTheApiFailsTheDeploymentWithTheReason() throws Exception {
        assertThat((String) IsolatedClassPath.run("fault-tolerance", WithoutFaultToleranceApiTest.class,
                "deploySharedBreaker"))
                .contains("Invalid @SharedCircuitBreaker on org.gogoscope.interceptors.BadBeans$SharedWithoutBreaker"
                        + ".call(): needs a MicroProfile @CircuitBreaker on the method or its class, and the "
                        + "MicroProfile Fault Tolerance API is not on the deployment's class path");
    }

    @Test
    void theSharedBreakersDecisionsInCoreNeedNoFaultToleranceApi() throws Exception {
        assertThat(IsolatedClassPath.run("fault-tolerance", WithoutFaultToleranceApiTest.class, "decideInCore"))
                .isEqualTo("NORMAL NORMAL REJECTED");
    }

    /** Runs inside the isolated class loader: the breaker of {@code gogoscope-core}, opened by two failures. */
    static String decideInCore() {
        MemoryAdapter adapter = new MemoryAdapter("no-ft:");
        adapter.connect();
        SharedBreaker breaker = new SharedBreaker(new BreakerSettings("cb:no-ft", Duration.ofSeconds(10), 2, 2, 1,
                Duration.ZERO, Duration.ofSeconds(30)), adapter.circuitBreakers(), Ticker.SYSTEM, Runnable::run);
        List<String> permits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SharedBreaker.Permit permit = breaker.acquire();
            permits.add(permit.name());
            breaker.record(permit, true);
        }
        return String.join(" ", permits);
    }

    /** Runs inside the isolated class loader. */
    static String bootAndCall() {
        List<String> lines = new ArrayList<>();
        try {
            Class.forName("org.eclipse.microprofile.faulttolerance.CircuitBreaker");
            return "the fault tolerance API is still visible";
        } catch (ClassNotFoundException expected) {
            lines.add("no fault tolerance api");
        }
        try (WeldContainer container = weld().addBeanClasses(Orders.class, Payments.class).initialize()) {
            Orders orders = container.select(Orders.class).get();
            LockProvider locks = container.select(LockProvider.class).get();
            LockHandle elsewhere = locks.acquire("order-42", Duration.ofSeconds(10)).orElseThrow();
            try {
                orders.ship("42");
                lines.add("locked: ran although the lock was held");
            } catch (LockNotAcquiredException expected) {
                elsewhere.release();
                long token = orders.ship("42");
                lines.add("locked: refused while held elsewhere, then token "
                        + (token > elsewhere.fencingToken() ? "grows" : "did not grow: " + token));
            }

            Payments payments = container.select(Payments.class).get();
            int before = Payments.RUNS.get();
            Receipt first = payments.pay("r-1", BigDecimal.TEN);
            Receipt second = payments.pay("r-1", BigDecimal.TEN);
            lines.add("idempotent: " + (Payments.RUNS.get() - before) + " run, "
                    + (first.equals(second) ? "replayed" : "not replayed: " + second));

            long breakers = container.getBeanManager().getBeans(Object.class).stream()
                    .filter(bean -> bean.getBeanClass().getSimpleName().contains("SharedCircuitBreakerInterceptor"))
                    .count();
            lines.add("shared breaker interceptors: " + breakers);
        }
        return String.join("\n", lines);
    }

    /** Runs inside the isolated class loader. */
    static String deploySharedBreaker() {
        try (WeldContainer container = weld().addBeanClasses(BadBeans.SharedWithoutBreaker.class).initialize()) {
            return "deployed";
        } catch (RuntimeException e) {
            List<String> messages = new ArrayList<>();
            for (Throwable t = e; t != null && messages.size() < 20; t = t.getCause()) {
                messages.add(t.getMessage());
                for (Throwable suppressed : t.getSuppressed()) {
                    messages.add(suppressed.getMessage());
                }
            }
            return String.join("\n", messages);
        }
    }

    /** The test stores plus every extension found through {@code META-INF/services}, as a container does. */
    private static Weld weld() {
        Weld weld = new Weld("no-ft-" + UUID.randomUUID()).disableDiscovery().addBeanClass(TestStores.class)
                .property("org.jboss.weld.executor.threadPoolType", "NONE");
        java.util.ServiceLoader.load(Extension.class, Thread.currentThread().getContextClassLoader())
                .forEach(weld::addExtension);
        return weld;
    }
}
