package org.gogoscope.api.annotation;

import org.gogoscope.api.MessageCode;

/** The {@link Idempotent} key was already used by a request with different arguments. Nothing ran. */
public class IdempotencyMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public IdempotencyMismatchException(String key) {
        super(MessageCode.IDEMPOTENCY_MISMATCH.id() + ": Idempotency key '" + key + "' was used with different arguments");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
