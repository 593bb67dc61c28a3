package org.gogoscope.it.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.annotation.IdempotencyMismatchException;
import org.gogoscope.api.annotation.LockNotAcquiredException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The annotations inside Payara Micro (with Payara's own MicroProfile Fault Tolerance, not SmallRye) on a
 * Redis store: {@code @Locked} refuses a lock another owner holds and {@code @Idempotent} replays. The shared
 * {@code @CircuitBreaker} and a store on a JDBC resource of the WAR's glassfish-resources.xml do not work here
 * yet: see the README's known gaps.
 */
@ExtendWith(ArquillianExtension.class)
class InterceptorsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.interceptedWar("interceptors", """
                gogoscope.store.default.backend=redis
                gogoscope.store.default.redis.uri=redis://127.0.0.1:6379
                gogoscope.store.default.key-prefix=%s
                """.formatted(Deployments.uniquePrefix("interceptors")),
                InterceptorsIT.class, Orders.class, Orders.Receipt.class);
    }

    @Inject
    Orders orders;
    @Inject
    LockProvider locks;

    @Test
    void aLockedMethodIsRefusedWhileAnotherOwnerHoldsItsLock() throws Exception {
        LockHandle other = locks.acquire("job-nightly", Duration.ofSeconds(30), "another-node").orElseThrow();
        assertThrows(LockNotAcquiredException.class, () -> orders.runJob("nightly", 0));
        assertTrue(other.release());
        long token = orders.runJob("nightly", 0);
        assertTrue(token > other.fencingToken(), token + " after " + other.fencingToken());
    }

    @Test
    void anIdempotentMethodRunsOncePerKey() {
        Orders.Receipt first = orders.pay("r-1", 5);
        assertEquals(first, orders.pay("r-1", 5), "the repeat must replay the first result");
        assertThrows(IdempotencyMismatchException.class, () -> orders.pay("r-1", 6));
        assertEquals(first.run() + 1, orders.pay("r-2", 5).run(), "only new keys run the method");
    }
}
