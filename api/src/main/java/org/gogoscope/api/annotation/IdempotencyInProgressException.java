package org.gogoscope.api.annotation;

import java.time.Instant;
import org.gogoscope.api.MessageCode;

/** Another call of the same {@link Idempotent} key is still running (or its holder died and its lease is live). */
public class IdempotencyInProgressException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final Instant leaseExpiresAt;

    public IdempotencyInProgressException(String key, Instant leaseExpiresAt) {
        super(MessageCode.IDEMPOTENCY_IN_PROGRESS.id() + ": Idempotency key '" + key + "' is in progress; its claim expires at " + leaseExpiresAt);
        this.key = key;
        this.leaseExpiresAt = leaseExpiresAt;
    }

    public String key() {
        return key;
    }

    /** When the running call's claim runs out if it never completes. */
    public Instant leaseExpiresAt() {
        return leaseExpiresAt;
    }
}
