package org.gogoscope.core.storage;

/**
 * What a raw idempotency claim found: the caller's new claim ({@link Claimed}), or the live record that was
 * there. Fingerprints are compared by the typed layer, not by the backend.
 */
public sealed interface StoredClaim {

    /** The record did not exist or had expired; it is now in progress under the caller's token. */
    record Claimed() implements StoredClaim {
    }

    /** A live in-progress record. */
    record InProgress(String fingerprint, long leaseExpiresAtMillis) implements StoredClaim {
    }

    /** A live completed record. */
    record Completed(String fingerprint, String resultJson) implements StoredClaim {
    }
}
