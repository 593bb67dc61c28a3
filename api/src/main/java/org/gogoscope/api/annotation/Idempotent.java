package org.gogoscope.api.annotation;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

/**
 * Runs the method at most once per idempotency {@link #key()} through the injected
 * {@link org.gogoscope.api.IdempotencyProvider}:
 * <ol>
 *   <li>The first call claims the key (with a lease of {@link #lease()}), runs the method, stores its result as
 *       JSON for {@link #ttl()} and returns it.</li>
 *   <li>A repeat with the same request returns the stored result (read back into the declared return type)
 *       without running the method. {@code void} methods simply return.</li>
 *   <li>A repeat while the first call still runs throws {@link IdempotencyInProgressException}, or, with
 *       {@link OnInProgress#WAIT}, waits up to {@link #waitTime()} for the stored result.</li>
 *   <li>With {@link #fingerprint()} on, a call under the same key with different arguments throws
 *       {@link IdempotencyMismatchException}.</li>
 *   <li>A call that throws releases the key: errors are not stored, the next call runs the method again.</li>
 * </ol>
 * Methods returning {@code CompletionStage<T>} complete the record when the stage completes. The return type
 * must round-trip through JSON-B; the deployment fails when it obviously cannot.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface Idempotent {

    /**
     * The idempotency key template (grammar in the package documentation): parameters by position, e.g.
     * {@code "payment-{0}"} or {@code "payment-{0.requestId}"}, which works without compiler flags, or by name,
     * e.g. {@code "payment-{requestId}"}, which needs the class compiled with {@code -parameters}.
     */
    String key();

    /** How long a completed result is replayed; {@code > 0}. */
    long ttl() default 24;

    ChronoUnit ttlUnit() default ChronoUnit.HOURS;

    /** How long a claim blocks other callers if its holder dies without completing; {@code > 0}. */
    long lease() default 60;

    ChronoUnit leaseUnit() default ChronoUnit.SECONDS;

    /**
     * Store a SHA-256 digest of the JSON of the arguments with the claim, so that a different request under the
     * same key is refused with {@link IdempotencyMismatchException}. Only arguments whose declared type is plain
     * data enter the digest: application classes, records, scalars, {@code java.time} values, collections, maps
     * and optionals of those. Futures, latches, streams and other JDK or Jakarta types are left out.
     */
    boolean fingerprint() default true;

    /** What a caller does while another call of the same key is in progress. */
    OnInProgress onInProgress() default OnInProgress.THROW;

    /** With {@link OnInProgress#WAIT}: how long to wait for the result; {@code > 0}. */
    long waitTime() default 30;

    ChronoUnit waitUnit() default ChronoUnit.SECONDS;

    /** The named store ({@code @Store}) whose idempotency provider to use; empty = the default provider. */
    String store() default "";

    /** Behaviour while the key is claimed by another call. */
    enum OnInProgress {
        /** Throw {@link IdempotencyInProgressException} at once. */
        THROW,
        /** Poll with backoff until the result is stored, the claim is released (then run) or the wait ends. */
        WAIT
    }
}
