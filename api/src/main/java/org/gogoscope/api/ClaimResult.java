package org.gogoscope.api;

import java.time.Instant;

/**
 * What {@link IdempotencyProvider#claim} found for a key. Exactly one of four outcomes.
 *
 * @param <T> the type of a stored result
 */
public sealed interface ClaimResult<T> {

    /**
     * The caller now owns the key: run the operation, then {@link IdempotencyProvider#complete complete} or
     * {@link IdempotencyProvider#release release} with this token.
     */
    record Claimed<T>(String claimToken) implements ClaimResult<T> {
    }

    /** Another caller with the same fingerprint holds a live claim until {@code leaseExpiresAt}. */
    record InProgress<T>(Instant leaseExpiresAt) implements ClaimResult<T> {
    }

    /** The operation already completed with the same fingerprint; {@code result} is its stored result. */
    record Completed<T>(T result) implements ClaimResult<T> {
    }

    /** The key is claimed or completed with a different request fingerprint. Nothing changed. */
    record Mismatch<T>(String storedFingerprint) implements ClaimResult<T> {
    }
}
