package org.gogoscope.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.gogoscope.api.MessageCode;
import org.gogoscope.api.annotation.IdempotencyMismatchException;

/**
 * 422 Unprocessable Content for an {@code @Idempotent} key reused with other arguments (as the IETF draft "The
 * Idempotency-Key HTTP Header Field" answers a reused key); nothing ran. Members: {@code code}, {@code key}.
 */
@Provider
@Priority(Mappers.PRIORITY)
public class IdempotencyMismatchMapper implements ExceptionMapper<IdempotencyMismatchException> {

    @Override
    public Response toResponse(IdempotencyMismatchException e) {
        return problem(e).toResponse();
    }

    /** The problem of {@code e}; override to add members ({@code super.problem(e).with(...)}). */
    protected Problem problem(IdempotencyMismatchException e) {
        return Problem.of("idempotency-key-reused", "Idempotency key reused with different arguments", 422,
                        e.getMessage())
                .with("code", MessageCode.IDEMPOTENCY_MISMATCH.id())
                .with("key", e.key());
    }
}
