/**
 * The shared MicroProfile circuit breaker's decisions, free of CDI and of the MicroProfile APIs:
 * {@link org.gogoscope.core.breaker.SharedBreaker} (admit, probe, record, staleness, batched successes, the wait
 * for outcomes being written) over a {@link org.gogoscope.core.breaker.BreakerDocument} stored through
 * {@link org.gogoscope.api.CircuitBreakerStateProvider#readRecord} and
 * {@link org.gogoscope.api.CircuitBreakerStateProvider#compareAndSetRecord}, with the settings of
 * {@link org.gogoscope.core.breaker.BreakerSettings} and the clock of a {@link org.gogoscope.core.breaker.Ticker}.
 *
 * <p>Internal to go-go-scope: {@code gogoscope-interceptors} drives it for {@code @SharedCircuitBreaker} and
 * MicroProfile's {@code @CircuitBreaker}; applications use those annotations, not these classes.
 */
package org.gogoscope.core.breaker;
