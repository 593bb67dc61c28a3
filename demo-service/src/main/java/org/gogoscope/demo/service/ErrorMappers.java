package org.gogoscope.demo.service;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.annotation.IdempotencyInProgressException;
import org.gogoscope.api.annotation.IdempotencyMismatchException;
import org.gogoscope.api.annotation.LockNotAcquiredException;

/**
 * The library's exceptions as HTTP answers, each a JSON {@link Problem}. Statuses for idempotency follow the IETF
 * draft "The Idempotency-Key HTTP Header Field": 409 while the first request is in progress, 422 for the key
 * reused with another body.
 */
public final class ErrorMappers {

    private ErrorMappers() {
    }

    /** The body of every error answer. {@code holder}: who holds the lock, for a refused {@code @Locked} call. */
    public record Problem(int status, String error, String message, String node, LockHolders.Holder holder) {
    }

    static Response problem(int status, String error, String message, String node, LockHolders.Holder holder) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(status, error, message, node, holder)).build();
    }

    /** 409: the lock is held by another call (on this or another node); the answer names the holder. */
    @Provider
    public static class LockRefused implements ExceptionMapper<LockNotAcquiredException> {
        @Inject
        LockHolders holders;

        @Inject
        Node node;

        @Override
        public Response toResponse(LockNotAcquiredException e) {
            return problem(409, "locked", e.getMessage(), node.name(),
                    holders.holderOf(e.key()).orElse(null));
        }
    }

    /** 409 with {@code Retry-After}: the same idempotency key is being processed right now. */
    @Provider
    public static class InProgress implements ExceptionMapper<IdempotencyInProgressException> {
        @Inject
        Node node;

        @Override
        public Response toResponse(IdempotencyInProgressException e) {
            long seconds = Math.max(1, Duration.between(Instant.now(), e.leaseExpiresAt()).toSeconds());
            Response r = problem(409, "in-progress", e.getMessage(), node.name(), null);
            return Response.fromResponse(r).header("Retry-After", Math.min(seconds, 5)).build();
        }
    }

    /** 422: the idempotency key was used before with another request body. */
    @Provider
    public static class Mismatch implements ExceptionMapper<IdempotencyMismatchException> {
        @Inject
        Node node;

        @Override
        public Response toResponse(IdempotencyMismatchException e) {
            return problem(422, "idempotency-key-reused", e.getMessage(), node.name(), null);
        }
    }

    /** 503: the shared breaker is open (opened by any node); the supplier was not called. */
    @Provider
    public static class BreakerOpen implements ExceptionMapper<CircuitBreakerOpenException> {
        @Inject
        Node node;

        @Override
        public Response toResponse(CircuitBreakerOpenException e) {
            Response r = problem(503, "circuit-open",
                    "circuit breaker " + QuoteService.BREAKER + " is open (state shared by every node); the supplier was not called",
                    node.name(), null);
            return Response.fromResponse(r).header("Retry-After", 10).build();
        }
    }

    /** 502: the supplier call itself failed (and was counted by the breaker). */
    @Provider
    public static class SupplierDown implements ExceptionMapper<Supplier.SupplierUnavailableException> {
        @Inject
        Node node;

        @Override
        public Response toResponse(Supplier.SupplierUnavailableException e) {
            return problem(502, "supplier-failed", e.getMessage(), node.name(), null);
        }
    }

    /** 503: the coordination store (the SQLite file) failed or timed out. */
    @Provider
    public static class StoreDown implements ExceptionMapper<BackendException> {
        @Inject
        Node node;

        @Override
        public Response toResponse(BackendException e) {
            return problem(503, "store-unavailable", e.getMessage(), node.name(), null);
        }
    }

    /** JAX-RS's own errors (400 missing header, 404 unknown order or path, ...) as JSON too. */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Inject
        Node node;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String reason = Response.Status.Family.familyOf(status) == Response.Status.Family.CLIENT_ERROR
                    ? "bad-request" : "error";
            return problem(status, status == 404 ? "not-found" : reason, e.getMessage(), node.name(), null);
        }
    }

    /** 400: invalid input, the message names the offending field or parameter. */
    @Provider
    public static class BadInput implements ExceptionMapper<IllegalArgumentException> {
        @Inject
        Node node;

        @Override
        public Response toResponse(IllegalArgumentException e) {
            return problem(400, "bad-request", e.getMessage(), node.name(), null);
        }
    }
}
