package org.gogoscope.interceptors.locked;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.MessageCode;
import org.gogoscope.api.annotation.LockNotAcquiredException;
import org.gogoscope.api.annotation.Locked;
import org.gogoscope.interceptors.Backoff;
import org.gogoscope.interceptors.Providers;

/**
 * Implements {@link Locked}. Runs before transaction interceptors so that the lock outlives the commit.
 * Round trips: one acquire (plus one per retry while waiting) and one release per call; with the watchdog one
 * extend per third of the TTL.
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

    @AroundInvoke
    public Object lock(InvocationContext context) throws Exception {
        LockedPlan plan = plan(context.getMethod());
        String key = plan.key().resolve(context.getParameters());
        LockProvider locks = providers.locks(plan.store());
        Optional<LockHandle> acquired = acquire(locks, key, plan);
        if (acquired.isEmpty()) {
            if (plan.onNotAcquired() == Locked.OnNotAcquired.SKIP) {
                return null;
            }
            throw new LockNotAcquiredException(key, plan.waitTime(), null);
        }
        LockHandle handle = acquired.get();
        ScheduledFuture<?> watchdog = plan.watchdog() ? Watchdog.watch(handle, plan.ttl()) : null;
        boolean releaseLater = false;
        ThreadLockContext.push(handle);
        try {
            Object result = context.proceed();
            if (plan.async() && result instanceof CompletionStage<?> stage) {
                releaseLater = true;
                return stage.whenComplete((value, failure) -> release(handle, watchdog, failure));
            }
            return result;
        } catch (Throwable failure) {
            release(handle, watchdog, failure);
            releaseLater = true;
            throw failure;
        } finally {
            ThreadLockContext.pop();
            if (!releaseLater) {
                release(handle, watchdog, null);
            }
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

    /** Releases by compare-and-delete; a failing release never hides the method's own outcome. */
    private static void release(LockHandle handle, ScheduledFuture<?> watchdog, Throwable failure) {
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        try {
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
