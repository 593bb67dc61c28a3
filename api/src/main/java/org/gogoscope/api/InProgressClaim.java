package org.gogoscope.api;

import java.time.Duration;
import java.util.Objects;

/**
 * An idempotency record in progress (claimed, not yet completed or released), as
 * {@link IdempotencyProvider#listInProgress} found it. A claim whose lease is long and whose caller is gone blocks
 * its key until the lease ends; {@link IdempotencyProvider#release} with its token removes it, and only while it
 * is still that claim (not completed, not claimed again).
 *
 * @param key the record's key, without the store's key prefix
 * @param claimToken the claim's token, as {@link ClaimResult.Claimed#claimToken()} gave it to the claimer
 * @param leaseRemaining the time left on the claim's lease, on the backend's clock when it was read (at least
 *     1 ms)
 */
public record InProgressClaim(String key, String claimToken, Duration leaseRemaining) {

    public InProgressClaim {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(claimToken, "claimToken");
        Objects.requireNonNull(leaseRemaining, "leaseRemaining");
    }
}
