package org.gogoscope.interceptors.locked;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockInfo;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.MessageCode;
import org.gogoscope.api.annotation.LockNotAcquiredException;
import org.gogoscope.api.annotation.Locked;
import org.gogoscope.interceptors.Backoff;
import org.gogoscope.interceptors.Providers;

/**
 * Implements {@link Locked}. Runs before transaction interceptors, so a transaction {@code @Transactional} starts
 * on the same call has completed when the method returns here. A transaction still open on the thread then (an
 * EJB's container-managed one, an EJB timer's, or one the caller began) is waited for: the lock is released, or
 * handed to its minimum hold, after it completes ({@link CallerTransaction}), and the watchdog keeps it until then.
 * A {@code CompletionStage} result ends when the stage completes, whatever the caller's transaction does.
 * Round trips: one acquire (plus one per retry while waiting, and one look-up of the holder on a refusal when
 * {@code reportHolder}) and one release, or one extend for the minimum hold, per call; with the watchdog one
 * extend per third of the TTL. Calls holding a lock are known to {@link LockedCalls}, which ends them when the
 * application stops.
 */
@LockedBinding
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class LockedInterceptor {

    private static final System.Logger LOG = System.getLogger(LockedInterceptor.class.getName());
    /** Plans per method, parsed once (they were validated at deployment). */
    private static final Map<Method, LockedPlan> PLANS = new ConcurrentHashMap<>();

    @Inject
    Providers providers;

    @Inject
    LockedCalls calls;

    /** An EJB timer's callback ({@code @Schedule}, {@code @Timeout}) is guarded like a business method. */
    @AroundTimeout
    public Object lockTimeout(InvocationContext context) throws Exception {
        return lock(context);
    }

    @AroundInvoke
    public Object lock(InvocationContext context) throws Exception {
        LockedPlan plan = plan(context.getMethod());
        String key = plan.key().resolve(context.getParameters());
        if (calls.stopping()) {
            return refuseStopping(plan, key);
        }
        LockProvider locks = providers.locks(plan.store());
        long waitStart = System.nanoTime();
        Optional<LockHandle> acquired = acquire(locks, key, plan);
        providers.telemetry().lockWaited(plan.storeName(), plan.method(), System.nanoTime() - waitStart,
                acquired.isPresent());
        if (acquired.isEmpty()) {
            if (plan.onNotAcquired() == Locked.OnNotAcquired.SKIP) {
                return null;
            }
            throw new LockNotAcquiredException(key, plan.waitTime(), null,
                    plan.reportHolder() ? holder(locks, key) : null);
        }
        LockHandle handle = acquired.get();
        long grantedAt = System.nanoTime(); // after the grant: the minimum hold counts from no earlier than it
        LockedCalls.Call call = calls.begin(handle, plan);
        if (call == null) { // the application began stopping meanwhile; the lock is released
            return refuseStopping(plan, key);
        }
        boolean endLater = false;
        ThreadLockContext.push(handle);
        try {
            Object result = context.proceed();
            if (plan.async() && result instanceof CompletionStage<?> stage) {
                endLater = true;
                return stage.whenComplete((value, failure) -> end(call, plan, grantedAt, failure));
            }
            return result;
        } catch (Throwable failure) {
            endLater = true;
            endAfterTransaction(call, plan, grantedAt, failure);
            throw failure;
        } finally {
            ThreadLockContext.pop();
            if (!endLater) {
                endAfterTransaction(call, plan, grantedAt, null);
            }
        }
    }

    private static Object refuseStopping(LockedPlan plan, String key) {
        if (plan.onNotAcquired() == Locked.OnNotAcquired.SKIP) {
            return null;
        }
        throw LockNotAcquiredException.stopping(key);
    }

    /**
     * Ends the call once the thread's transaction has completed, or at once when there is none. Ended later, a
     * failing backend is logged: the method's outcome has been given to the caller by then.
     */
    private static void endAfterTransaction(LockedCalls.Call call, LockedPlan plan, long grantedAt, Throwable failure) {
        boolean deferred = call.transaction().runAfterCompletion(() -> {
            try {
                end(call, plan, grantedAt, null);
            } catch (RuntimeException e) { // never into the transaction manager's completion
                LOG.log(Level.WARNING, MessageCode.LOCK_RELEASE_FAILED.format("Ending lock '" + call.handle.key()
                        + "' after the caller's transaction failed; it expires with its TTL"), e);
            }
        });
        if (!deferred) {
            end(call, plan, grantedAt, failure);
        }
    }

    private static Optional<LockHandle> acquire(LockProvider locks, String key, LockedPlan plan) {
        long start = System.nanoTime();
        Optional<LockHandle> handle = locks.acquire(key, plan.ttl());
        if (handle.isPresent() || plan.waitTime().isZero()) {
            return handle;
        }
        Backoff backoff = new Backoff(start + plan.waitTime().toNanos());
        try {
            while (backoff.pause()) {
                handle = locks.acquire(key, plan.ttl());
                if (handle.isPresent()) {
                    return handle;
                }
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockNotAcquiredException(key, Duration.ofNanos(System.nanoTime() - start), e);
        }
    }

    /** Who holds the refused lock; a failing look-up never hides the refusal. */
    private static LockInfo holder(LockProvider locks, String key) {
        try {
            return locks.inspect(key).orElse(null);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Reading the holder of lock ''{0}'' failed", key);
            return null;
        }
    }

    /**
     * The call is over: stops its watchdog, then keeps the lock for what remains of the minimum hold (extend) or
     * releases it (compare-and-delete). A failing backend never hides the method's own outcome.
     */
    private static void end(LockedCalls.Call call, LockedPlan plan, long grantedAt, Throwable failure) {
        call.end();
        LockHandle handle = call.handle;
        try {
            long remaining = plan.minHold().toNanos() - (System.nanoTime() - grantedAt);
            if (remaining >= 1_000_000) {
                // backends keep whole milliseconds and read their clock in them: round up, plus the clock's
                // millisecond, so the lock is held at least the minimum, never a fraction of a millisecond less
                if (!handle.extend(Duration.ofMillis(TimeUnit.NANOSECONDS.toMillis(remaining + 999_999) + 1))) {
                    LOG.log(Level.DEBUG, "Lock ''{0}'' was no longer held when its minimum hold began", handle.key());
                }
                return;
            }
            if (!handle.release()) {
                LOG.log(Level.DEBUG, "Lock ''{0}'' was no longer held when the method ended", handle.key());
            }
        } catch (RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                LOG.log(Level.WARNING, MessageCode.LOCK_RELEASE_FAILED.format("Releasing lock '" + handle.key()
                        + "' failed; it expires with its TTL"), e);
            }
        }
    }

    private static LockedPlan plan(Method method) {
        return PLANS.computeIfAbsent(method, m -> LockedPlan.of(m.getAnnotation(Locked.class), m));
    }
}
