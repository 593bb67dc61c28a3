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
 *   <li>Waiting ({@link #waitTime()} &gt; 0) retries with exponential backoff and equal jitter, never longer
 *       than the wait time, and stops with {@link LockNotAcquiredException} if the thread is interrupted
 *       (the interrupt flag stays set).</li>
 * </ul>
 * The lock outlives the caller's transaction. The interceptor runs before transaction interceptors (priority
 * {@code PLATFORM_BEFORE + 100}), so a transaction {@code @Transactional} starts on the same call commits before
 * the lock is released. A JTA transaction still open on the thread when the method returns (an EJB's
 * container-managed transaction, an EJB timer's, or one the caller began) is waited for: the lock is released, or
 * kept for what remains of the {@link #minHold()}, after that transaction commits or rolls back, and the
 * {@link #watchdog()} keeps it alive until then; without the watchdog it expires with its TTL if the commit takes
 * longer. The transaction is found under {@code java:comp/TransactionSynchronizationRegistry}; where there is none
 * (Java SE, Quarkus, Helidon) the lock ends when the method returns. A {@code CompletionStage} result ends when
 * the stage completes, whatever the caller's transaction does. So a second call for the same key in the same
 * transaction finds the first call's lock still held (each call has its own owner) until the commit.
 *
 * <h2>Scheduled jobs: once per cluster</h2>
 * On a job every node fires ({@code @Schedule}, a task of a {@code ManagedScheduledExecutorService}), use
 * {@code onNotAcquired = SKIP} and a {@link #minHold()} longer than the spread of the nodes' timers: the node whose
 * timer fires first runs the job and keeps the lock for at least the minimum hold, so a node whose timer fires a
 * little later finds it held and skips. ShedLock's {@code lockAtMostFor} is {@link #ttl()}, its
 * {@code lockAtLeastFor} is {@link #minHold()}, its {@code KeepAliveLockProvider} is {@link #watchdog()}.
 *
 * <h2>When the application stops</h2>
 * New calls are refused (or skipped), calls in flight get a bounded time to finish
 * ({@code gogoscope.lock.shutdown-wait}), and the locks of calls still running then are released, watchdog locks
 * included; a lock whose release fails expires with its TTL. Locks kept only for their minimum hold are left to
 * expire.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface Locked {

    /**
     * The lock key template (grammar in the package documentation): parameters by position, e.g.
     * {@code "order-{0}"} or {@code "order-{0.id}"}, which works without compiler flags, or by name, e.g.
     * {@code "order-{orderId}"}, which needs the class compiled with {@code -parameters}.
     */
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

    /**
     * The least time the lock stays held, counted from its grant, however early the method ends: if it ends
     * sooner, the lock is not released but its TTL is set to what remains of the minimum (one round trip, only
     * while it is still the caller's). {@code 0} (the default) releases it when the method ends. At most
     * {@link #ttl()}. With the {@link #watchdog()} the lock is kept alive while the method runs and then held for
     * what remains of the minimum; for a {@code CompletionStage} the method ends when the stage completes.
     */
    long minHold() default 0;

    ChronoUnit minHoldUnit() default ChronoUnit.SECONDS;

    /**
     * When the lock is not acquired, read who holds it (one more round trip) and give it to
     * {@link LockNotAcquiredException#holder()} and its message.
     */
    boolean reportHolder() default false;

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
