package org.gogoscope.core.breaker;

/**
 * A monotonic clock in nanoseconds, as {@link System#nanoTime()}: only differences between two readings of one
 * ticker mean anything. The breaker measures staleness and the age of its snapshots with it; tests pass a fake one
 * and move time by hand.
 */
@FunctionalInterface
public interface Ticker {

    /** The system's monotonic clock. */
    Ticker SYSTEM = System::nanoTime;

    /** The current reading, in nanoseconds. */
    long nanos();
}
