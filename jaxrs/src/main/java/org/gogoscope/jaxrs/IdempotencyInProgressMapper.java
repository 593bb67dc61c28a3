package org.gogoscope.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import org.gogoscope.api.MessageCode;
import org.gogoscope.api.annotation.IdempotencyInProgressException;

/**
 * 409 Conflict for an {@code @Idempotent} call whose key is being processed by another call right now (as the IETF
 * draft "The Idempotency-Key HTTP Header Field" answers a concurrent request). {@code Retry-After}: the time until
 * the running call's claim expires ({@code leaseExpiresAt()}), bounded by {@link RetryAfter}. Members:
 * {@code code}, {@code key}, {@code retryAfter}.
 */
@Provider
@Priority(Mappers.PRIORITY)
public class IdempotencyInProgressMapper implements ExceptionMapper<IdempotencyInProgressException> {

    @Override
    public Response toResponse(IdempotencyInProgressException e) {
        return problem(e).toResponse();
    }

    /** The problem of {@code e}; override to add members ({@code super.problem(e).with(...)}). */
    protected Problem problem(IdempotencyInProgressException e) {
        return Problem.of("idempotency-in-progress", "Request with this idempotency key in progress", 409,
                        e.getMessage())
                .retryAfter(RetryAfter.seconds(Instant.now(), e.leaseExpiresAt()))
                .with("code", MessageCode.IDEMPOTENCY_IN_PROGRESS.id())
                .with("key", e.key());
    }
}
