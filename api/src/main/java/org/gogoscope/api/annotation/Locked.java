package org.gogoscope.api.annotation;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

/**
 * Runs the method only while holding the distributed lock {@link #key()} of the injected
 * {@link org.gogoscope.api.LockProvider} (of {@link #store()} when set).
 *
 * <ul>
 *   <li>The lock is acquired before the method runs, for a fresh owner per invocation, and released in every
 *       outcome (return, exception, timeout of the waiting caller) by compare-and-delete, so a lock that expired
 *       and was taken over by someone else is never released.</li>
 *   <li>A method returning {@link java.util.concurrent.CompletionStage} keeps the lock until the returned stage
 *       completes; the stage handed to the caller completes after the release.</li>
 *   <li>While the method runs on its thread, {@link CurrentLock} gives its fencing token.</li>
 *   <li>Waiting ({@link #waitTime()} &gt; 0) retries with exponential backoff and full jitter, never longer
 *       than the wait time, and stops with {@link LockNotAcquiredException} if the thread is interrupted
 *       (the interrupt flag stays set).</li>
 * </ul>
 * The interceptor runs before transaction interceptors (priority {@code PLATFORM_BEFORE + 100}), so a
 * transaction started on the same call commits before the lock is released.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface Locked {

    /** The lock key template, see the package documentation, e.g. {@code "order-{orderId}"}. */
    String key();

    /** How long the lock is held at most unless extended by the {@link #watchdog()}; {@code > 0}. */
    long ttl() default 30;

    ChronoUnit ttlUnit() default ChronoUnit.SECONDS;

    /** How long to wait for a lock held by someone else; {@code 0} = try once and fail fast. */
    long waitTime() default 0;

    ChronoUnit waitUnit() default ChronoUnit.MILLIS;

    /** What happens when the lock was not acquired within {@link #waitTime()}. */
    OnNotAcquired onNotAcquired() default OnNotAcquired.THROW;

    /**
     * Keep extending the lock while the method runs: every third of the TTL the lock's TTL is reset to
     * {@link #ttl()}, until the method (or its {@code CompletionStage}) completes or an extension fails because
     * the lock was lost.
     */
    boolean watchdog() default false;

    /** The named store ({@code @Store}) whose lock provider to use; empty = the default provider. */
    String store() default "";

    /** Outcome of a lock that could not be acquired. */
    enum OnNotAcquired {
        /** Throw {@link LockNotAcquiredException}. */
        THROW,
        /** Do not run the method and return normally; only for {@code void} methods. */
        SKIP
    }
}
