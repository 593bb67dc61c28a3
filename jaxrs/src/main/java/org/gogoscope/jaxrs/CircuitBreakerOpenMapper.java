package org.gogoscope.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * 503 Service Unavailable for a call refused by an open circuit breaker (a {@code @SharedCircuitBreaker}, opened by
 * any node, or the server's own MicroProfile breaker), with {@code Retry-After}
 * {@value RetryAfter#BREAKER_SECONDS} (the exception does not say when the breaker half-opens). Members:
 * {@code retryAfter}.
 *
 * <p>Deliberately not annotated {@code @Provider}: the class needs the MicroProfile Fault Tolerance API, which
 * WildFly gives only to applications that use a Fault Tolerance annotation. {@link FaultToleranceMappers}
 * registers it when the application can load that API.
 */
@Priority(Mappers.PRIORITY)
public class CircuitBreakerOpenMapper implements ExceptionMapper<CircuitBreakerOpenException> {

    @Override
    public Response toResponse(CircuitBreakerOpenException e) {
        return problem(e).toResponse();
    }

    /** The problem of {@code e}; override to add members ({@code super.problem(e).with(...)}). */
    protected Problem problem(CircuitBreakerOpenException e) {
        return Problem.of("circuit-open", "Circuit breaker open", 503, e.getMessage())
                .retryAfter(RetryAfter.BREAKER_SECONDS);
    }
}
