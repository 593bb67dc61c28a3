package org.gogoscope.interceptors.breaker;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Intercepted;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The shared MicroProfile circuit breaker for methods that also have {@code @Retry} or {@code @Fallback}. The
 * host's own breaker is switched off for the method by {@link SharedBreakerConfigSource}, and this interceptor
 * runs right inside the host's Fault Tolerance interceptor: the extension sets its priority to one more than the
 * host's ({@link HostFaultTolerance}: {@code mp.fault.tolerance.interceptor.priority}, else
 * {@code PLATFORM_AFTER + 10} in SmallRye and Open Liberty and {@code PLATFORM_AFTER + 15} in Payara; the
 * annotation's {@code PLATFORM_AFTER + 11} is the value for the specification's default). So {@code @Fallback} and {@code @Retry} still wrap the breaker: each retry attempt is one
 * breaker call, and {@code CircuitBreakerOpenException} reaches them as usual. {@code @Timeout} and
 * {@code @Bulkhead} end up outside it. A call that took about the method's {@code @Timeout} or was interrupted
 * is recorded as a {@code TimeoutException}; a bulkhead rejection never reaches the breaker and is not counted.
 * Methods without {@code @Retry} and {@code @Fallback} use {@link OuterSharedCircuitBreakerInterceptor}, which
 * keeps MicroProfile's order exactly.
 */
@SharedBreakerBinding
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 11)
public class SharedCircuitBreakerInterceptor {

    @Inject
    BreakerRegistry registry;

    @Inject
    @Intercepted
    Bean<?> bean;

    @AroundInvoke
    public Object guard(InvocationContext context) throws Exception {
        return BreakerGuard.around(context, registry, bean, false);
    }
}
