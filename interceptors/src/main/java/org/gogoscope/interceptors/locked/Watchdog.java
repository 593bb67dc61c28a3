package org.gogoscope.interceptors.locked;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.MessageCode;

/**
 * Keeps extending held locks (every third of the TTL, back to the full TTL) until stopped, like Redisson's
 * watchdog. One daemon thread serves every lock of the JVM.
 */
final class Watchdog {

    private static final System.Logger LOG = System.getLogger(Watchdog.class.getName());
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gogoscope-lock-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private Watchdog() {
    }

    /** Starts extending {@code handle}; cancel the returned future to stop. */
    static ScheduledFuture<?> watch(LockHandle handle, Duration ttl) {
        long period = Math.max(10, ttl.toMillis() / 3);
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        Runnable extend = () -> {
            try {
                if (!handle.extend(ttl)) {
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
                    throw new IllegalStateException("lock expired", e);
                }
            }
        };
        self[0] = TIMER.scheduleAtFixedRate(extend, period, period, TimeUnit.MILLISECONDS);
        return self[0];
    }
}
