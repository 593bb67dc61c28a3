package org.gogoscope.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.annotation.CurrentLock;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.api.annotation.LockNotAcquiredException;
import org.gogoscope.api.annotation.Locked;
import org.gogoscope.it.common.StoreContract;
import org.junit.jupiter.api.Test;

/**
 * The shared {@link StoreContract} plus what only WildFly can show: WildFly gives the MicroProfile Fault Tolerance
 * API only to deployments that use a Fault Tolerance annotation, so these applications (gogoscope-interceptors
 * packed, no such annotation) run {@code @Locked} and {@code @Idempotent} without it. A WAR running it must
 * contain {@link #CLASSES}.
 */
abstract class WildFlyStoreContract extends StoreContract {

    /** The classes of the contract a store WAR must contain besides its own test class. */
    static final Class<?>[] CLASSES = {StoreContract.class, StoreContract.Greeting.class, WildFlyStoreContract.class,
        Jobs.class};

    @Inject
    Jobs jobs;

    /**
     * Every application here packs gogoscope-interceptors but uses no MicroProfile Fault Tolerance annotation, so
     * WildFly does not give it the Fault Tolerance API: {@code @Locked} and {@code @Idempotent} work all the same.
     */
    @Test
    void lockedAndIdempotentWorkWithoutTheFaultToleranceApi() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(
                "org.eclipse.microprofile.faulttolerance.CircuitBreaker", false, Jobs.class.getClassLoader()),
                "WildFly gave this application the Fault Tolerance API, so the test does not show what it should");

        LockHandle held = locks.acquire("job-nightly", Duration.ofSeconds(30)).orElseThrow();
        assertThrows(LockNotAcquiredException.class, () -> jobs.run("nightly"));
        assertTrue(held.release());
        assertTrue(jobs.run("nightly") > held.fencingToken(), "the next grant has a greater fencing token");

        Greeting first = jobs.pay("request-1", 5);
        assertEquals(first, jobs.pay("request-1", 5));
        assertEquals(1, jobs.runs(), "the repeated call is replayed, not run");
    }

    /** The annotated bean of {@link #lockedAndIdempotentWorkWithoutTheFaultToleranceApi}. */
    @ApplicationScoped
    public static class Jobs {
        private final AtomicInteger runs = new AtomicInteger();

        @Inject
        CurrentLock lock;

        /** Calls of {@link #pay} that ran (read through a method: the injected reference is a client proxy). */
        public int runs() {
            return runs.get();
        }

        @Locked(key = "job-{name}", ttl = 30)
        public long run(String name) {
            return lock.fencingToken();
        }

        @Idempotent(key = "pay-{requestId}")
        public Greeting pay(String requestId, int amount) {
            return new Greeting("paid " + amount, runs.incrementAndGet());
        }
    }
}
