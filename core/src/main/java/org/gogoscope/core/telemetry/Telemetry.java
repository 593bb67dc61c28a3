package org.gogoscope.core.telemetry;

import java.util.function.IntSupplier;

/**
 * What the library reports about its work, for metrics and traces: the SPI between the stores and a telemetry
 * implementation ({@code gogoscope-telemetry} implements it over the OpenTelemetry API). Every method has a
 * do-nothing default and {@link #NONE} does nothing at all, so without an implementation nothing changes.
 *
 * <p>Methods are called on the thread doing the work, synchronously, and must neither block nor throw: an
 * implementation that fails must swallow its own failure (a metric must never break a lock). Attributes are
 * low-cardinality only: the store's name and backend, the operation, an outcome; never a key.
 */
public interface Telemetry {

    /** Reports nothing. */
    Telemetry NONE = new Telemetry() {
    };

    /**
     * One backend operation begins on the caller's thread (e.g. {@code lock.acquire}, {@code cache.get},
     * {@code connect}); the returned handle's {@link Operation#end} is called exactly once when it ends, on the
     * same thread. An implementation may open a span here, child of the caller's current span.
     */
    default Operation begin(Store store, String operation) {
        return Operation.NONE;
    }

    /** One lock acquisition attempt (one round trip) ended: granted, refused (held by another) or failed. */
    default void lockAcquired(Store store, LockOutcome outcome) {
    }

    /** A lock this node held was released through its handle after {@code heldNanos}. */
    default void lockReleased(Store store, long heldNanos) {
    }

    /**
     * Registers how many locks this node holds now in {@code store} (handles granted, neither released nor past
     * their TTL). Called once per store when telemetry is attached; {@code heldNow} is cheap and thread-safe.
     */
    default void heldLocks(Store store, IntSupplier heldNow) {
    }

    /** One cache read ended: a hit, a miss, or an error (the backend failed; the operation reports why). */
    default void cacheRead(Store store, CacheOutcome outcome) {
    }

    /** One idempotency claim ended with {@code outcome}. */
    default void idempotencyClaim(Store store, ClaimOutcome outcome) {
    }

    /** One checkpoint was saved. */
    default void checkpointSaved(Store store) {
    }

    /**
     * A {@code @Locked} method's acquisition ended after waiting {@code waitedNanos} (its retries included), granted
     * or not. {@code method} names the annotated method, fully qualified ({@code com.acme.OrderService.close}).
     */
    default void lockWaited(String store, String method, long waitedNanos, boolean granted) {
    }

    /** The watchdog of a {@code @Locked} method extended its lock. */
    default void watchdogExtended(String store, String method) {
    }

    /** The watchdog of a {@code @Locked} method found its lock lost (expired or taken) and stopped. */
    default void watchdogLost(String store, String method) {
    }

    /**
     * Registers the state this node last saw of shared breaker {@code breaker} (its name, from the annotated
     * method or the configuration), as a {@link BreakerState}. Called once per breaker.
     */
    default void breakerState(String store, String breaker, java.util.function.Supplier<BreakerState> state) {
    }

    /** This node moved shared breaker {@code breaker} from one state to another (its write won). */
    default void breakerTransition(String store, String breaker, BreakerState from, BreakerState to) {
    }

    /** A call to shared breaker {@code breaker} was rejected: open, or half-open with every probe permit taken. */
    default void breakerRejected(String store, String breaker) {
    }

    /** Shared breaker {@code breaker} read its document from the backend (tune the staleness with this). */
    default void breakerRead(String store, String breaker) {
    }

    /** A shared breaker's state. */
    enum BreakerState {
        CLOSED, OPEN, HALF_OPEN
    }

    /** A configured store: its name ({@code default}, {@code orders}) and backend ({@code postgresql}). */
    record Store(String name, String backend) {
    }

    /** How a lock acquisition attempt ended. */
    enum LockOutcome {
        GRANTED, REFUSED, ERROR
    }

    /** How a cache read ended. */
    enum CacheOutcome {
        HIT, MISS, ERROR
    }

    /**
     * How an idempotency claim ended: first call, replay of a completed one, one still running, other input, or
     * the backend failed.
     */
    enum ClaimOutcome {
        CLAIMED, REPLAYED, IN_PROGRESS, MISMATCH, ERROR
    }

    /** One backend operation under way. */
    interface Operation {

        /** Does nothing. */
        Operation NONE = failure -> {
        };

        /** The operation ended; {@code failure} is {@code null} when it succeeded. */
        void end(Throwable failure);
    }
}
