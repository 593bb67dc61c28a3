package org.gogoscope.interceptors.breaker;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.gogoscope.api.annotation.SharedCircuitBreaker;

/** Beans with MicroProfile circuit breakers used by {@link SharedCircuitBreakerTest}. */
public final class BreakerBeans {

    private BreakerBeans() {
    }

    @ApplicationScoped
    public static class Inventory {
        static final AtomicInteger CALLS = new AtomicInteger();
        static final AtomicInteger PROBES = new AtomicInteger();

        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 400, successThreshold = 2)
        @SharedCircuitBreaker(name = "inventory")
        public String check(boolean fail) {
            CALLS.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("inventory down");
            }
            return "ok";
        }

        /** Same breaker as {@link #check}: a probe that blocks until released. */
        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 400, successThreshold = 2)
        @SharedCircuitBreaker(name = "inventory")
        public String probe(CountDownLatch release) throws InterruptedException {
            PROBES.incrementAndGet();
            release.await(10, TimeUnit.SECONDS);
            return "probed";
        }

        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1, delay = 10_000,
                skipOn = IllegalArgumentException.class)
        @SharedCircuitBreaker(name = "picky")
        public void picky(RuntimeException failure) {
            throw failure;
        }

        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1, delay = 10_000)
        @Timeout(100)
        @SharedCircuitBreaker(name = "slow")
        public String slow(long millis) throws InterruptedException {
            Thread.sleep(millis);
            return "done";
        }

        /** The interceptors around this call, innermost first, as classes on the calling thread's stack. */
        @CircuitBreaker
        @SharedCircuitBreaker(name = "stack-only-breaker")
        public List<String> stackWithOnlyABreaker() {
            return callerClasses();
        }

        /** As {@link #stackWithOnlyABreaker}, with a {@code @Timeout} the host still applies. */
        @CircuitBreaker
        @Timeout(5_000)
        @SharedCircuitBreaker(name = "stack-breaker-and-timeout")
        public List<String> stackWithATimeout() {
            return callerClasses();
        }

        private static List<String> callerClasses() {
            return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                    .toList());
        }
    }

    @ApplicationScoped
    public static class Quotes {
        static final AtomicInteger ATTEMPTS = new AtomicInteger();

        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 1, delay = 10_000)
        @Retry(maxRetries = 3, delay = 0, jitter = 0)
        @Fallback(fallbackMethod = "cached")
        @SharedCircuitBreaker(name = "quotes")
        public String quote() {
            ATTEMPTS.incrementAndGet();
            throw new IllegalStateException("quote service down");
        }

        public String cached() {
            return "cached";
        }
    }

    /**
     * Like the Fault Tolerance TCK's {@code serviceC}: times out on every attempt, swallows the interrupt, and here
     * also keeps running for a while after it, so the host starts each next attempt long before the timed-out one
     * returns.
     */
    @ApplicationScoped
    public static class SlowToStop {
        static final AtomicInteger ATTEMPTS = new AtomicInteger();
        static final long RUNS_ON_AFTER_INTERRUPT_MILLIS = 500;

        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000)
        @Retry(retryOn = TimeoutException.class, maxRetries = 7, delay = 0, jitter = 0, maxDuration = 20_000)
        @Timeout(100)
        @Asynchronous
        @SharedCircuitBreaker(name = "slow-to-stop")
        public Future<String> call() {
            ATTEMPTS.incrementAndGet();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException swallowed) {
                // as the TCK's method does: the interrupt flag is cleared and the method carries on
            }
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUNS_ON_AFTER_INTERRUPT_MILLIS);
            while (System.nanoTime() < until) {
                LockSupport.parkNanos(until - System.nanoTime());
            }
            return CompletableFuture.completedFuture("late");
        }
    }

    /** Shared only through {@code gogoscope.circuit-breaker.shared=true}. */
    @ApplicationScoped
    public static class Plain {
        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1, delay = 10_000)
        public String call(boolean fail) {
            if (fail) {
                throw new IllegalStateException("down");
            }
            return "ok";
        }
    }
}
