package org.gogoscope.it.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.gogoscope.api.annotation.SharedCircuitBreaker;

/**
 * A shared breaker wrapped by a MicroProfile {@code @Fallback}: the fallback must see the breaker's failures and
 * its {@code CircuitBreakerOpenException}, so the shared breaker has to sit inside the host's Fault Tolerance
 * interceptor, wherever the server places that one.
 */
@ApplicationScoped
public class Quotes {

    private final AtomicInteger calls = new AtomicInteger();

    /** How many times {@link #quote} itself ran on this node. */
    public int calls() {
        return calls.get();
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60, delayUnit = ChronoUnit.SECONDS)
    @SharedCircuitBreaker(name = "quotes")
    @Fallback(fallbackMethod = "cached")
    public String quote(boolean fail) {
        calls.incrementAndGet();
        if (fail) {
            throw new IllegalStateException("quote service down");
        }
        return "live";
    }

    String cached(boolean fail) {
        return "cached";
    }
}
