package org.gogoscope.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.api.annotation.Locked;
import org.gogoscope.api.annotation.SharedCircuitBreaker;

/** The same trivial method with each annotation, so the difference to {@link #plain} is the interceptor. */
@ApplicationScoped
public class BenchService {

    static final LongAdder SHARED_CALLS = new LongAdder();

    public Payload plain(String id) {
        return Payload.SAMPLE;
    }

    @Locked(key = "bench-{id}")
    public Payload locked(String id) {
        return Payload.SAMPLE;
    }

    /** Every call is a first call: a fresh key whose result expires at once (the key ring comes round later). */
    @Idempotent(key = "first-{id}", ttl = 1, ttlUnit = java.time.temporal.ChronoUnit.MILLIS)
    public Payload idempotentFirst(String id) {
        return Payload.SAMPLE;
    }

    /** Every call after the first is a replay of the stored result. */
    @Idempotent(key = "replay-{id}")
    public Payload idempotentReplay(String id) {
        return Payload.SAMPLE;
    }

    @CircuitBreaker
    public Payload localBreaker(String id) {
        return Payload.SAMPLE;
    }

    @CircuitBreaker
    @SharedCircuitBreaker(name = "bench-shared")
    public Payload sharedBreaker(String id) {
        SHARED_CALLS.increment();
        return Payload.SAMPLE;
    }
}
