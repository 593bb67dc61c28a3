package org.gogoscope.it.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.gogoscope.api.annotation.SharedCircuitBreaker;

/**
 * Another bean guarded by the shared breaker {@code inventory} of {@link Orders#inventory}: it has made no call of
 * its own, so it fails fast only if it reads the breaker's state from the store.
 */
@ApplicationScoped
public class Warehouse {

    private final AtomicInteger calls = new AtomicInteger();

    /** How many times {@link #stock} itself ran on this node. */
    public int calls() {
        return calls.get();
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60, delayUnit = ChronoUnit.SECONDS)
    @SharedCircuitBreaker(name = "inventory")
    public int stock(String sku) {
        calls.incrementAndGet();
        return 7;
    }
}
