package org.gogoscope.api.annotation;

import java.time.Duration;
import java.util.Optional;
import org.gogoscope.api.LockInfo;
import org.gogoscope.api.MessageCode;

/** A {@link Locked} method did not run because its lock was held by another owner or the wait was interrupted. */
public class LockNotAcquiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient LockInfo holder;

    public LockNotAcquiredException(String key, Duration waited, Throwable cause) {
        this(key, waited, cause, null);
    }

    /**
     * @param holder who held the lock when it was refused, if it was read ({@code Locked.reportHolder})
     */
    public LockNotAcquiredException(String key, Duration waited, Throwable cause, LockInfo holder) {
        super(MessageCode.LOCK_NOT_ACQUIRED.format("Lock '" + key + "' not acquired"
                + (cause instanceof InterruptedException ? ": interrupted after " : " after waiting ")
                + waited.toMillis() + " ms" + (holder == null ? "" : "; held by '" + holder.owner()
                        + "' with fencing token " + holder.fencingToken() + " for another " + holder.remaining()
                        .toMillis() + " ms")), cause);
        this.key = key;
        this.holder = holder;
    }

    /** A lock refused because the application is stopping, before any attempt. */
    public static LockNotAcquiredException stopping(String key) {
        return new LockNotAcquiredException(key, "Lock '" + key + "' not acquired: the application is stopping");
    }

    private LockNotAcquiredException(String key, String message) {
        super(MessageCode.LOCK_NOT_ACQUIRED.format(message));
        this.key = key;
        this.holder = null;
    }

    /** The resolved lock key, without the store's prefix. */
    public String key() {
        return key;
    }

    /** Who held the lock when it was refused, when the method asked for it ({@code Locked.reportHolder}). */
    public Optional<LockInfo> holder() {
        return Optional.ofNullable(holder);
    }
}
