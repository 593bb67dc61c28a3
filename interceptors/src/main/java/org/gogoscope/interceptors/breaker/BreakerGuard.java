package org.gogoscope.interceptors.breaker;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.gogoscope.api.MessageCode;
import org.gogoscope.core.breaker.SharedBreaker;

/**
 * One guarded call: permit, proceed, record the outcome (at once, or when the returned stage completes).
 * Shared by the two placements of the shared breaker (see {@link SharedCircuitBreakerInterceptor}).
 */
final class BreakerGuard {

    private BreakerGuard() {
    }

    /**
     * The body of both shared-breaker interceptors: the call of {@code bean}'s method, guarded by its shared breaker
     * unless that breaker is disabled by configuration.
     *
     * @param outer see {@link #guard}
     */
    static Object around(InvocationContext context, BreakerRegistry registry, Bean<?> bean, boolean outer)
            throws Exception {
        BreakerRegistry.Guarded guarded = registry.guarded(bean.getBeanClass(), context.getMethod());
        if (!guarded.policy().enabled()) {
            return context.proceed();
        }
        return guard(context, guarded.policy(), guarded.breaker(), outer, registry::watch);
    }

    /**
     * @param outer whether the call runs outside the host's Fault Tolerance interceptor: then the host already
     *     turned timeouts and bulkhead rejections into exceptions, and an asynchronous method reports
     *     {@code CircuitBreakerOpenException} through its returned stage, as MicroProfile requires
     */
    static Object guard(InvocationContext context, BreakerPolicy policy, SharedBreaker breaker, boolean outer,
            java.util.concurrent.Executor watchers) throws Exception {
        SharedBreaker.Permit permit = breaker.acquire();
        if (permit == SharedBreaker.Permit.REJECTED) {
            CircuitBreakerOpenException open = new CircuitBreakerOpenException(
                    MessageCode.SHARED_BREAKER_OPEN.format("Shared circuit breaker '" + policy.name() + "' is open"));
            if (outer && policy.hostAsync()) {
                return CompletableFuture.failedFuture(open);
            }
            throw open;
        }
        Call call = new Call(policy, breaker, permit, outer);
        InterruptWatch watch = call.seesHostTimeout() ? InterruptWatch.install(call::timedOutByHost) : null;
        Object result;
        try {
            result = context.proceed();
        } catch (Throwable failure) {
            call.returned(watch);
            call.finish(failure, true);
            throw failure;
        }
        call.returned(watch);
        if ((policy.async() || policy.hostAsync()) && result instanceof CompletionStage<?> stage) {
            Thread caller = Thread.currentThread();
            boolean[] registered = {false};
            CompletionStage<?> recorded = stage.whenComplete((value, failure) ->
                    call.finish(unwrap(failure), Thread.currentThread() == caller && !registered[0]));
            registered[0] = true;
            return recorded;
        }
        if (policy.hostAsync() && result instanceof Future<?> future) {
            // a plain Future has no callback: a thread of the registry waits for it (the host holds a thread per call
            // too), and the caller's Future completes only after the outcome is recorded, as with a local breaker
            boolean doneAtReturn = future.isDone();
            CompletableFuture<Void> recorded = new CompletableFuture<>();
            watchers.execute(() -> {
                try {
                    call.finish(await(future), doneAtReturn);
                } finally {
                    recorded.complete(null);
                }
            });
            return new RecordedFuture<>(future, recorded);
        }
        call.finish(null, true);
        return result;
    }

    /**
     * One guarded call's outcome, recorded exactly once: when the call ends, or as soon as the host's
     * {@code @Timeout} interrupts it (inside the host, the host has decided then and may start a Retry attempt before
     * the method returns).
     */
    private static final class Call {
        private final BreakerPolicy policy;
        private final SharedBreaker breaker;
        private final SharedBreaker.Permit permit;
        private final boolean outer;
        private final long startNanos = System.nanoTime();
        private static final AtomicIntegerFieldUpdater<Call> RECORDED =
                AtomicIntegerFieldUpdater.newUpdater(Call.class, "recorded");
        private volatile int recorded; // 0, then 1 once the outcome is being recorded
        private volatile long returnedNanos;
        private volatile boolean interrupted;

        Call(BreakerPolicy policy, SharedBreaker breaker, SharedBreaker.Permit permit, boolean outer) {
            this.policy = policy;
            this.breaker = breaker;
            this.permit = permit;
            this.outer = outer;
        }

        /** Inside the host with an enabled {@code @Timeout}: the host reports a timeout by interrupting the call. */
        boolean seesHostTimeout() {
            return !outer && policy.timeout() != null;
        }

        /** Runs in the host's timer thread, inside {@code Thread.interrupt()}: must not block. */
        void timedOutByHost() {
            if (RECORDED.compareAndSet(this, 0, 1)) {
                breaker.recordSoon(permit, policy.isFailure(timeout()));
            }
        }

        /** On the calling thread, right after {@code proceed()} returned or threw. */
        void returned(InterruptWatch watch) {
            returnedNanos = System.nanoTime();
            interrupted = watch != null && watch.remove();
        }

        /**
         * Records the call's outcome unless already recorded.
         *
         * @param failure what the call threw or its stage/future completed with, or {@code null}
         * @param atReturn whether the outcome was known when {@code proceed()} returned (else it came later, on
         *     another thread)
         */
        void finish(Throwable failure, boolean atReturn) {
            if (RECORDED.compareAndSet(this, 0, 1)) {
                breaker.record(permit, policy.isFailure(outcome(failure, atReturn)));
            }
        }

        /**
         * The outcome the host's Fault Tolerance reports. Inside the host with an enabled {@code @Timeout}: a
         * {@code TimeoutException} if the host interrupted the call (normally already recorded by
         * {@link #timedOutByHost}), or if it took at least the timeout. An outcome that arrives later on another
         * thread (a {@code CompletionStage} completed by other code) cannot be interrupted; it counts as a timeout
         * from the timeout less a quarter (at most 100 ms), because the host's timer started before this
         * interceptor.
         */
        private Throwable outcome(Throwable failure, boolean atReturn) {
            if (!seesHostTimeout()) {
                return failure;
            }
            long timeout = policy.timeout().toNanos();
            long elapsed = (atReturn ? returnedNanos : System.nanoTime()) - startNanos;
            if (interrupted || failure instanceof InterruptedException || elapsed >= timeout) {
                return timeout();
            }
            if (!atReturn && elapsed + Math.min(timeout / 4, 100_000_000L) >= timeout) {
                return timeout();
            }
            return failure;
        }

        private TimeoutException timeout() {
            return new TimeoutException("timed out after " + policy.timeout().toMillis() + " ms");
        }
    }

    /** {@code original}, whose completion is visible only once its outcome was {@code recorded}. */
    private record RecordedFuture<T>(Future<T> original, CompletableFuture<Void> recorded) implements Future<T> {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return original.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return original.isCancelled();
        }

        @Override
        public boolean isDone() {
            return recorded.isDone();
        }

        @Override
        public T get() throws InterruptedException, ExecutionException {
            recorded.join();
            return original.get();
        }

        @Override
        public T get(long timeout, java.util.concurrent.TimeUnit unit)
                throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            recorded.get(timeout, unit);
            return original.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** The failure a completed or completing {@code future} reports, or {@code null}. */
    private static Throwable await(Future<?> future) {
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
