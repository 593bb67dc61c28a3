package org.gogoscope.core.storage;

/**
 * An idempotency record in progress (claimed, not completed) as a backend listed it.
 *
 * @param key the full key (prefix included)
 * @param claimToken the token of the claim, which {@link IdempotencyStorage#release} takes
 * @param leaseRemainingMillis time left on the claim's lease on the backend's clock when read, at least 1
 */
public record StoredInProgressClaim(String key, String claimToken, long leaseRemainingMillis) {
}
