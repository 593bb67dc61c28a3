package org.gogoscope.it.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.annotation.IdempotencyMismatchException;
import org.gogoscope.api.annotation.LockNotAcquiredException;
import org.junit.jupiter.api.Test;

/**
 * The annotations inside an application server, on the intercepted bean {@link Orders}, run in the container
 * against the store {@code default} the deployment configures: {@code @Locked}, {@code @Idempotent}, and a
 * MicroProfile {@code @CircuitBreaker} shared through the backend with {@code @SharedCircuitBreaker}, with the
 * server's own Fault Tolerance implementation in place: the shared breaker is the one in effect (also for another
 * bean sharing its name, {@link Warehouse}) and the server's {@code @Fallback} wraps it ({@link Quotes}). A WAR
 * running it must contain {@link #deploymentClasses()}.
 */
public abstract class InterceptorsContract {

    /** A closed breaker document as the shared breaker stores it (gogoscope-interceptors' BreakerDocument). */
    private static final String CLOSED = """
            {"state":"CLOSED","window":"","openedAt":0,"halfOpenAt":0,"probes":0,"successes":0,"opened":1}""";

    /** The classes a WAR running the contract must contain besides its own test class. */
    public static Class<?>[] deploymentClasses() {
        return new Class<?>[] {InterceptorsContract.class, Orders.class, Orders.Receipt.class, Warehouse.class,
            Quotes.class};
    }

    @Inject
    protected Orders orders;
    @Inject
    protected Warehouse warehouse;
    @Inject
    protected Quotes quotes;
    @Inject
    protected LockProvider locks;
    @Inject
    protected CircuitBreakerStateProvider breakers;

    @Test
    public void aLockedMethodIsRefusedWhileAnotherOwnerHoldsItsLock() throws Exception {
        LockHandle other = locks.acquire("job-nightly", Duration.ofSeconds(30), "another-node").orElseThrow();
        assertThrows(LockNotAcquiredException.class, () -> orders.runJob("nightly", 0));
        assertTrue(other.release());
        long token = orders.runJob("nightly", 0);
        assertTrue(token > other.fencingToken(), token + " after " + other.fencingToken());
    }

    @Test
    public void anIdempotentMethodRunsOncePerKey() {
        Orders.Receipt first = orders.pay("r-1", 5);
        assertEquals(first, orders.pay("r-1", 5), "the repeat must replay the first result");
        assertThrows(IdempotencyMismatchException.class, () -> orders.pay("r-1", 6));
        assertEquals(first.run() + 1, orders.pay("r-2", 5).run(), "only new keys run the method");
    }

    /**
     * {@code @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5)} with
     * {@code @SharedCircuitBreaker(name = "inventory")}: after 4 failures the breaker is open, the next call fails
     * fast with the shared breaker's exception without running the method, and the shared record
     * {@code cb:inventory} in the backend says OPEN (so every other node sees it). Another bean sharing the name
     * ({@link Warehouse}) fails fast without a call of its own: it reads the state from the backend. Closed again
     * in the backend, as another node's successful probes would do, the breaker lets the next calls of both beans
     * run: the backend's record decides, and the server's own breaker for the method (open for 60 s) is not in
     * effect as well.
     */
    @Test
    public void aSharedBreakerOpensInTheBackend() {
        for (int i = 0; i < 4; i++) {
            assertThrows(IllegalStateException.class, () -> orders.inventory(true), "failure " + (i + 1));
        }
        CircuitBreakerOpenException open = assertThrows(CircuitBreakerOpenException.class,
                () -> orders.inventory(false));
        assertTrue(open.getMessage().contains("cb:inventory"),
                "not the shared breaker's exception (the server's own breaker?): " + open.getMessage());
        assertEquals(4, orders.inventoryCalls(), "an open breaker must not run the method");
        assertThrows(CircuitBreakerOpenException.class, () -> warehouse.stock("sku-1"),
                "another bean sharing the breaker's name must fail fast too");
        assertEquals(0, warehouse.calls());

        CircuitRecord record = breakers.readRecord("cb:inventory");
        assertTrue(record.exists(), "no shared breaker record cb:inventory in the backend: the shared breaker is "
                + "not in effect");
        assertTrue(record.data().contains("\"state\":\"OPEN\""), record.data());

        assertTrue(breakers.compareAndSetRecord("cb:inventory", record.version(), CLOSED));
        assertEquals("in stock", orders.inventory(false), "closed in the backend, the breaker must let calls through");
        assertEquals(5, orders.inventoryCalls());
        assertEquals(7, warehouse.stock("sku-1"));
    }

    /**
     * {@code @Fallback} wraps the shared breaker ({@link Quotes}): each failure reaches the breaker before the
     * fallback answers, so after 4 the breaker is OPEN in the backend, and then the fallback answers the breaker's
     * {@code CircuitBreakerOpenException} without the method running. Were the shared breaker outside the server's
     * Fault Tolerance interceptor, it would see only the fallback's successes and never open.
     */
    @Test
    public void aFallbackWrapsTheSharedBreaker() {
        for (int i = 0; i < 4; i++) {
            assertEquals("cached", quotes.quote(true), "failure " + (i + 1));
        }
        CircuitRecord record = breakers.readRecord("cb:quotes");
        assertTrue(record.exists() && record.data().contains("\"state\":\"OPEN\""),
                "the failures behind the fallback must open the shared breaker: " + record);
        assertEquals("cached", quotes.quote(false));
        assertEquals(4, quotes.calls(), "an open breaker must not run the method");
    }
}
