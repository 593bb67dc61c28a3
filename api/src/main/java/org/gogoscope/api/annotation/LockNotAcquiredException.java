package org.gogoscope.api.annotation;

import java.time.Duration;
import org.gogoscope.api.MessageCode;

/** A {@link Locked} method did not run because its lock was held by another owner or the wait was interrupted. */
public class LockNotAcquiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public LockNotAcquiredException(String key, Duration waited, Throwable cause) {
        super(MessageCode.LOCK_NOT_ACQUIRED.id() + ": Lock '" + key + "' not acquired" + (cause instanceof InterruptedException ? ": interrupted after "
                : " after waiting ") + waited.toMillis() + " ms", cause);
        this.key = key;
    }

    /** The resolved lock key, without the store's prefix. */
    public String key() {
        return key;
    }
}
