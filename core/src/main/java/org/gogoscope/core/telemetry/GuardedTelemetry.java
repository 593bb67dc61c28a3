package org.gogoscope.core.telemetry;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.IntSupplier;
import org.gogoscope.api.MessageCode;

/**
 * A {@link Telemetry} whose failures never reach the caller: a metric or span that cannot be recorded is dropped
 * (the first failure is logged at WARNING), and the lock, cache entry or claim it was about goes on.
 */
public final class GuardedTelemetry implements Telemetry {

    private static final Logger LOG = System.getLogger(GuardedTelemetry.class.getName());

    private final Telemetry delegate;
    private volatile boolean warned;

    private GuardedTelemetry(Telemetry delegate) {
        this.delegate = delegate;
    }

    /** {@code telemetry} guarded; {@link #NONE} and already guarded ones as they are. */
    public static Telemetry of(Telemetry telemetry) {
        if (telemetry == NONE || telemetry instanceof GuardedTelemetry) {
            return telemetry;
        }
        return new GuardedTelemetry(telemetry);
    }

    @Override
    public Operation begin(Store store, String operation) {
        Operation started;
        try {
            started = delegate.begin(store, operation);
        } catch (RuntimeException | LinkageError e) {
            dropped("begin", e);
            return Operation.NONE;
        }
        return failure -> {
            try {
                started.end(failure);
            } catch (RuntimeException | LinkageError e) {
                dropped("end", e);
            }
        };
    }

    @Override
    public void lockAcquired(Store store, LockOutcome outcome) {
        try {
            delegate.lockAcquired(store, outcome);
        } catch (RuntimeException | LinkageError e) {
            dropped("lockAcquired", e);
        }
    }

    @Override
    public void lockReleased(Store store, long heldNanos) {
        try {
            delegate.lockReleased(store, heldNanos);
        } catch (RuntimeException | LinkageError e) {
            dropped("lockReleased", e);
        }
    }

    @Override
    public void heldLocks(Store store, IntSupplier heldNow) {
        try {
            delegate.heldLocks(store, heldNow);
        } catch (RuntimeException | LinkageError e) {
            dropped("heldLocks", e);
        }
    }

    @Override
    public void cacheRead(Store store, CacheOutcome outcome) {
        try {
            delegate.cacheRead(store, outcome);
        } catch (RuntimeException | LinkageError e) {
            dropped("cacheRead", e);
        }
    }

    @Override
    public void idempotencyClaim(Store store, ClaimOutcome outcome) {
        try {
            delegate.idempotencyClaim(store, outcome);
        } catch (RuntimeException | LinkageError e) {
            dropped("idempotencyClaim", e);
        }
    }

    @Override
    public void checkpointSaved(Store store) {
        try {
            delegate.checkpointSaved(store);
        } catch (RuntimeException | LinkageError e) {
            dropped("checkpointSaved", e);
        }
    }

    @Override
    public void lockWaited(String store, String method, long waitedNanos, boolean granted) {
        try {
            delegate.lockWaited(store, method, waitedNanos, granted);
        } catch (RuntimeException | LinkageError e) {
            dropped("lockWaited", e);
        }
    }

    @Override
    public void watchdogExtended(String store, String method) {
        try {
            delegate.watchdogExtended(store, method);
        } catch (RuntimeException | LinkageError e) {
            dropped("watchdogExtended", e);
        }
    }

    @Override
    public void watchdogLost(String store, String method) {
        try {
            delegate.watchdogLost(store, method);
        } catch (RuntimeException | LinkageError e) {
            dropped("watchdogLost", e);
        }
    }

    @Override
    public void breakerState(String store, String breaker, java.util.function.Supplier<BreakerState> state) {
        try {
            delegate.breakerState(store, breaker, state);
        } catch (RuntimeException | LinkageError e) {
            dropped("breakerState", e);
        }
    }

    @Override
    public void breakerTransition(String store, String breaker, BreakerState from, BreakerState to) {
        try {
            delegate.breakerTransition(store, breaker, from, to);
        } catch (RuntimeException | LinkageError e) {
            dropped("breakerTransition", e);
        }
    }

    @Override
    public void breakerRejected(String store, String breaker) {
        try {
            delegate.breakerRejected(store, breaker);
        } catch (RuntimeException | LinkageError e) {
            dropped("breakerRejected", e);
        }
    }

    @Override
    public void breakerRead(String store, String breaker) {
        try {
            delegate.breakerRead(store, breaker);
        } catch (RuntimeException | LinkageError e) {
            dropped("breakerRead", e);
        }
    }

    private void dropped(String method, Throwable e) {
        if (!warned) {
            warned = true;
            LOG.log(Level.WARNING, MessageCode.TELEMETRY_CALL_FAILED.format("Telemetry "
                    + delegate.getClass().getName() + "." + method
                    + " failed; this and later failures are dropped, the library's work goes on"), e);
        }
    }
}
