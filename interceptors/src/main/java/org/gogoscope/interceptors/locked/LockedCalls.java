package org.gogoscope.interceptors.locked;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.MessageCode;
import org.gogoscope.core.config.DurationText;
import org.gogoscope.interceptors.ContainerExecutors;
import org.gogoscope.interceptors.InterceptorProperties;
import org.gogoscope.core.telemetry.Telemetry;
import org.gogoscope.interceptors.MpConfig;
import org.gogoscope.interceptors.Providers;

/**
 * This application's {@code @Locked} calls that hold their lock right now, and the watchdog that keeps the long
 * ones alive. When the application stops ({@link #stop}): new calls are refused, calls in flight get
 * {@code gogoscope.lock.shutdown-wait} to finish, then the locks of those still running are released (their
 * watchdogs stopped); a lock whose release fails expires with its TTL. The watchdog runs on the container's
 * {@code ManagedScheduledExecutorService} where there is one, else on a thread of this bean; either way its tasks
 * are cancelled (and an own thread ends) when the bean is destroyed, so nothing outlives the application
 * ({@link ContainerExecutors}).
 */
@ApplicationScoped
public class LockedCalls {

    private static final System.Logger LOG = System.getLogger(LockedCalls.class.getName());
    private static final long LOOKUP_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** One call holding its lock; it belongs to the bean instance, so it can end after the application stopped. */
    static final class Call {
        final LockHandle handle;
        private final LockedCalls owner;
        volatile ScheduledFuture<?> watchdog;

        Call(LockHandle handle, LockedCalls owner) {
            this.handle = handle;
            this.owner = owner;
        }

        /** The call no longer needs its lock kept: it is released, handed to its minimum hold, or given up. */
        void end() {
            owner.end(this);
        }

        /** Where the call's lock ends: through the instance, as the call may end after the application stopped. */
        CallerTransaction transaction() {
            return owner.transaction();
        }

        /** Stops the watchdog, if there is one. */
        void stopWatchdog() {
            ScheduledFuture<?> running = watchdog;
            if (running != null) {
                running.cancel(false);
            }
        }
    }

    @Inject
    Providers providers;

    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private final Object changed = new Object();
    private volatile boolean stopping;
    /** Read when the bean is created, on an application thread: at shutdown the configuration may be gone. */
    private Duration shutdownWait = InterceptorProperties.LOCK_SHUTDOWN_WAIT.defaultValue();
    private ContainerExecutors watchdogThread; // guarded by this
    /** Once found, or known to be absent; looked up when a call ends, on its thread (whose java:comp counts). */
    private volatile CallerTransaction transaction;
    /** When to look again after a thread found no registry (System.nanoTime()). */
    private volatile long nextLookup = System.nanoTime();

    @PostConstruct
    void readConfiguration() {
        shutdownWait = MpConfig.current().read(InterceptorProperties.LOCK_SHUTDOWN_WAIT);
    }

    /** Whether the application is stopping: then no new lock is taken. */
    boolean stopping() {
        return stopping;
    }

    /**
     * How this application's calls find their caller's JTA transaction: kept once found; {@link CallerTransaction#NONE}
     * where there is no JTA, and for calls ending on a thread that sees no registry.
     */
    CallerTransaction transaction() {
        CallerTransaction known = transaction;
        if (known != null) {
            return known;
        }
        if (System.nanoTime() - nextLookup < 0) {
            return CallerTransaction.NONE;
        }
        CallerTransaction found = CallerTransaction.find(); // a racing thread's look-up finds the same
        if (found != null) {
            transaction = found;
            return found;
        }
        // This thread sees no registry (on a server, one it did not start: no transaction there either). Look
        // again later, at most once a second: a runtime that has JNDI but no JTA pays one failed look-up a second.
        nextLookup = System.nanoTime() + LOOKUP_RETRY_NANOS;
        return CallerTransaction.NONE;
    }

    /**
     * Registers a call that now holds {@code handle}; with the plan's watchdog, keeps it alive every ttl/3. Null when
     * the application began stopping after the caller checked {@link #stopping()}: the lock is then released at once
     * and the call must be refused like any other that arrives while stopping.
     */
    Call begin(LockHandle handle, LockedPlan plan) {
        Call call = new Call(handle, this); // this: the instance itself, not the contextual proxy
        inFlight.add(call);
        // Read again after registering: stop() sets the flag before it reads the calls in flight, so either it sees
        // this call (and releases it after its wait) or this sees the flag; never neither.
        if (!stopping) {
            try {
                if (plan.watchdog()) {
                    call.watchdog = watch(handle, plan);
                }
                return call;
            } catch (RejectedExecutionException e) {
                // stop() shut the watchdog down in between: no lock may outlive the application unwatched
            }
        }
        end(call);
        try {
            handle.release();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, MessageCode.LOCK_RELEASE_FAILED.format("Releasing lock '" + handle.key()
                    + "' of a call refused at shutdown failed; it expires with its TTL"), e);
        }
        return null;
    }

    private void end(Call call) {
        call.stopWatchdog();
        inFlight.remove(call);
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    /** Calls holding their lock right now (for tests and operators). */
    int inFlight() {
        return inFlight.size();
    }

    private ScheduledFuture<?> watch(LockHandle handle, LockedPlan plan) {
        Duration ttl = plan.ttl();
        long period = Math.max(10, ttl.toMillis() / 3);
        Telemetry telemetry = providers.telemetry();
        Runnable extend = () -> {
            try {
                if (handle.extend(ttl)) {
                    telemetry.watchdogExtended(plan.storeName(), plan.method());
                } else {
                    telemetry.watchdogLost(plan.storeName(), plan.method());
                    LOG.log(Level.WARNING, MessageCode.WATCHDOG_LOST_LOCK.format("Lock ''{0}'' was lost (expired "
                            + "or taken over); the watchdog stops"), handle.key());
                    throw new IllegalStateException("lock lost"); // ends the periodic task
                }
            } catch (IllegalStateException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, MessageCode.WATCHDOG_LOST_LOCK.format("Extending lock '" + handle.key()
                        + "' failed; retrying"), e);
                if (!handle.isValid()) {
                    telemetry.watchdogLost(plan.storeName(), plan.method());
                    throw new IllegalStateException("lock expired", e);
                }
            }
        };
        return watchdog().scheduleAtFixedRate(extend, period, period, TimeUnit.MILLISECONDS);
    }

    /** Created on first use, on the application thread of a call: the container's executor is found there. */
    private synchronized ContainerExecutors watchdog() {
        if (stopping) { // stop() may have found no thread to shut down: none may start after it
            throw new RejectedExecutionException("the application is stopping");
        }
        if (watchdogThread == null) {
            watchdogThread = ContainerExecutors.scheduled("gogoscope-lock-watchdog");
        }
        return watchdogThread;
    }

    /**
     * The application is stopping: refuse new calls, wait for those in flight at most
     * {@code gogoscope.lock.shutdown-wait}, then release the locks of the calls still running.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        Duration wait = shutdownWait;
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (changed) {
            while (!inFlight.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(changed, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        for (Call call : inFlight) {
            call.stopWatchdog();
            try {
                boolean released = call.handle.release();
                LOG.log(Level.INFO, "gogoscope: the application is stopping; lock ''{0}'' of a call still running "
                        + "after {1} {2}", call.handle.key(), DurationText.format(wait),
                        released ? "released" : "was no longer held");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, MessageCode.LOCK_RELEASE_FAILED.format("Releasing lock '" + call.handle.key()
                        + "' at shutdown failed; it expires with its TTL"), e);
            }
            inFlight.remove(call);
        }
        ContainerExecutors thread;
        synchronized (this) { // with watchdog(): a thread is either shut down here or never created
            thread = watchdogThread;
        }
        if (thread != null) {
            thread.stop(true);
        }
    }
}
