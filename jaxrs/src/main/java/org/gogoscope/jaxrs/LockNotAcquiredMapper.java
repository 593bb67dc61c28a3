package org.gogoscope.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.core.Response;
import org.gogoscope.api.MessageCode;
import org.gogoscope.api.annotation.LockNotAcquiredException;

/**
 * 409 Conflict for a {@code @Locked} call refused because another call (on this node or another) holds the lock.
 * {@code Retry-After}: the holder's remaining TTL when the exception carries the holder
 * ({@code @Locked(reportHolder)}), else {@value RetryAfter#LOCK_DEFAULT_SECONDS} s; bounded by {@link RetryAfter}.
 * Members: {@code code}, {@code key} (the resolved lock key, without the store's prefix), {@code retryAfter}.
 */
@Provider
@Priority(Mappers.PRIORITY)
public class LockNotAcquiredMapper implements ExceptionMapper<LockNotAcquiredException> {

    @Override
    public Response toResponse(LockNotAcquiredException e) {
        return problem(e).toResponse();
    }

    /** The problem of {@code e}; override to add members ({@code super.problem(e).with(...)}). */
    protected Problem problem(LockNotAcquiredException e) {
        long retryAfter = e.holder().map(holder -> RetryAfter.seconds(holder.remaining()))
                .orElse(RetryAfter.LOCK_DEFAULT_SECONDS);
        return Problem.of("lock-not-acquired", "Lock held by another call", 409, e.getMessage())
                .retryAfter(retryAfter)
                .with("code", MessageCode.LOCK_NOT_ACQUIRED.id())
                .with("key", e.key());
    }
}
