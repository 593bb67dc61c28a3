/**
 * The shared MicroProfile circuit breaker in a CDI container: the two interceptors placed right outside and right
 * inside the host's Fault Tolerance interceptor ({@link org.gogoscope.interceptors.breaker.HostFaultTolerance}),
 * their bindings, one guarded call ({@link org.gogoscope.interceptors.breaker.BreakerGuard}), the parameters of a
 * method's {@code @CircuitBreaker} ({@link org.gogoscope.interceptors.breaker.BreakerPolicy}), the application's
 * breakers and recorder threads ({@link org.gogoscope.interceptors.breaker.BreakerRegistry}), the watch that sees
 * the host's timeout interrupt ({@link org.gogoscope.interceptors.breaker.InterruptWatch}), and the configuration
 * source that switches the host's own breaker off. The decisions themselves are
 * {@link org.gogoscope.core.breaker.SharedBreaker} in {@code gogoscope-core}.
 *
 * <p>Most of this package links to the MicroProfile Fault Tolerance API, which is optional: the extension reaches
 * it only through {@link org.gogoscope.interceptors.breaker.FaultToleranceSupport}, and only when the API is
 * visible. Internal: applications use {@link org.gogoscope.api.annotation.SharedCircuitBreaker} from
 * {@code gogoscope-api} and MicroProfile's {@code @CircuitBreaker}.
 */
package org.gogoscope.interceptors.breaker;
