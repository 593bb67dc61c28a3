package org.gogoscope.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.gogoscope.api.BackendException;

/**
 * 503 Service Unavailable for a failure of the coordination backend (unreachable, timed out, refused). The
 * {@code detail} is the exception's message, which the library writes without secrets (no passwords, no
 * credentials in URIs); the cause (the driver's exception) is not written. Members: {@code code},
 * {@code backend} (e.g. {@code postgresql}), {@code operation} (e.g. {@code lock.acquire}). No
 * {@code Retry-After}: when a backend comes back is not known.
 */
@Provider
@Priority(Mappers.PRIORITY)
public class BackendFailureMapper implements ExceptionMapper<BackendException> {

    @Override
    public Response toResponse(BackendException e) {
        return problem(e).toResponse();
    }

    /** The problem of {@code e}; override to add members ({@code super.problem(e).with(...)}). */
    protected Problem problem(BackendException e) {
        return Problem.of("backend-unavailable", "Coordination backend unavailable", 503, e.getMessage())
                .with("code", e.code().id())
                .with("backend", e.backend())
                .with("operation", e.operation());
    }
}
