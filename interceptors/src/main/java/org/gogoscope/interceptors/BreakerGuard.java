package org.gogoscope.interceptors;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

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
        return guard(context, guarded.policy(), guarded.breaker(), outer);
    }

    /**
     * @param outer whether the call runs outside the host's Fault Tolerance interceptor: then the host already
     *     turned timeouts and bulkhead rejections into exceptions, and an asynchronous method reports
     *     {@code CircuitBreakerOpenException} through its returned stage, as MicroProfile requires
     */
    static Object guard(InvocationContext context, BreakerPolicy policy, SharedBreaker breaker, boolean outer)
            throws Exception {
        SharedBreaker.Permit permit;
        try {
            permit = breaker.acquire();
        } catch (CircuitBreakerOpenException open) {
            if (outer && policy.hostAsync()) {
                return CompletableFuture.failedFuture(open);
            }
            throw open;
        }
        long start = System.nanoTime();
        Object result;
        try {
            result = context.proceed();
        } catch (Throwable failure) {
            breaker.record(permit, policy.isFailure(outcome(policy, failure, start, outer)));
            throw failure;
        }
        if ((policy.async() || policy.hostAsync()) && result instanceof CompletionStage<?> stage) {
            return stage.whenComplete((value, failure) ->
                    breaker.record(permit, policy.isFailure(outcome(policy, unwrap(failure), start, outer))));
        }
        if (policy.hostAsync() && result instanceof Future<?> future) {
            // a plain Future has no callback: a daemon thread waits for it (the host holds a thread per call too),
            // and the caller's Future completes only after the outcome is recorded, as with a local breaker
            CompletableFuture<Void> recorded = new CompletableFuture<>();
            WATCHERS.execute(() -> {
                try {
                    breaker.record(permit, policy.isFailure(outcome(policy, await(future), start, outer)));
                } finally {
                    recorded.complete(null);
                }
            });
            return new RecordedFuture<>(future, recorded);
        }
        breaker.record(permit, policy.isFailure(outcome(policy, null, start, outer)));
        return result;
    }

    /**
     * The outcome the host's Fault Tolerance reports. Inside the host (not {@code outer}) with an enabled
     * {@code @Timeout}, a call that took at least the timeout (less a quarter, at most 100 ms, because the
     * host's timer starts before this interceptor runs) or was interrupted is a {@code TimeoutException}.
     */
    private static Throwable outcome(BreakerPolicy policy, Throwable failure, long startNanos, boolean outer) {
        if (!outer && policy.timeout() != null) {
            long timeout = policy.timeout().toNanos();
            long slack = Math.min(timeout / 4, 100_000_000L);
            if (System.nanoTime() - startNanos + slack >= timeout || failure instanceof InterruptedException
                    || Thread.currentThread().isInterrupted()) {
                return new TimeoutException("timed out after " + policy.timeout().toMillis() + " ms");
            }
        }
        return failure;
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

    private static final ExecutorService WATCHERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "gogoscope-breaker-future-watcher");
        thread.setDaemon(true);
        return thread;
    });

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
