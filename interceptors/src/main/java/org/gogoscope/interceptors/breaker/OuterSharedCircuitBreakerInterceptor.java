package org.gogoscope.interceptors.breaker;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Intercepted;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The shared MicroProfile circuit breaker for methods without {@code @Retry} and {@code @Fallback}. It runs
 * right outside the host's Fault Tolerance interceptor, whose own breaker is off: the extension sets its priority
 * to one less than the host's ({@link HostFaultTolerance}; the annotation's {@code PLATFORM_AFTER + 9} is the
 * value for the specification's default).
 * What remains inside the host (timeout, bulkhead, asynchronous execution) is exactly what MicroProfile puts
 * inside a circuit breaker, so the breaker sees the host's {@code TimeoutException} and {@code BulkheadException}
 * as they are, and rejects calls before they reach the bulkhead.
 */
@SharedBreakerOuterBinding
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 9)
public class OuterSharedCircuitBreakerInterceptor {

    @Inject
    BreakerRegistry registry;

    @Inject
    @Intercepted
    Bean<?> bean;

    @AroundInvoke
    public Object guard(InvocationContext context) throws Exception {
        return BreakerGuard.around(context, registry, bean, true);
    }
}
