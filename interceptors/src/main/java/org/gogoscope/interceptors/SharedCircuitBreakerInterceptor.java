package org.gogoscope.interceptors;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The shared MicroProfile circuit breaker. It runs right inside the host's Fault Tolerance interceptor
 * ({@code PLATFORM_AFTER + 10} in SmallRye, Payara and Open Liberty), whose own breaker is switched off for
 * the method by {@link SharedBreakerConfigSource}: {@code @Fallback} and {@code @Retry} therefore still wrap
 * the breaker (each retry attempt is one breaker call, and {@code CircuitBreakerOpenException} reaches them as
 * usual), while {@code @Timeout} and {@code @Bulkhead} sit outside it. A call that took at least the method's
 * {@code @Timeout} is recorded as a {@code TimeoutException}, as the host will report it; a bulkhead
 * rejection never reaches the breaker and is not counted (MicroProfile counts it).
 */
@SharedBreakerBinding
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 11)
public class SharedCircuitBreakerInterceptor {

    @Inject
    BreakerRegistry registry;

    @AroundInvoke
    public Object guard(InvocationContext context) throws Exception {
        BreakerPolicy policy = registry.policy(context.getMethod());
        if (!policy.enabled()) {
            return context.proceed();
        }
        SharedBreaker breaker = registry.breaker(policy);
        SharedBreaker.Permit permit = breaker.acquire();
        long start = System.nanoTime();
        Object result;
        try {
            result = context.proceed();
        } catch (Throwable failure) {
            breaker.record(permit, policy.isFailure(outcome(policy, failure, start)));
            throw failure;
        }
        if (policy.async() && result instanceof CompletionStage<?> stage) {
            return stage.whenComplete((value, failure) ->
                    breaker.record(permit, policy.isFailure(outcome(policy, unwrap(failure), start))));
        }
        breaker.record(permit, policy.isFailure(outcome(policy, null, start)));
        return result;
    }

    /**
     * The outcome the host's Fault Tolerance will report: with an enabled {@code @Timeout}, a call that took at
     * least the timeout, or was interrupted (the host interrupts a timed-out call), is a {@code TimeoutException}.
     */
    private static Throwable outcome(BreakerPolicy policy, Throwable failure, long startNanos) {
        if (policy.timeout() != null && (System.nanoTime() - startNanos >= policy.timeout().toNanos()
                || failure instanceof InterruptedException || Thread.currentThread().isInterrupted())) {
            return new TimeoutException("timed out after " + policy.timeout().toMillis() + " ms");
        }
        return failure;
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
