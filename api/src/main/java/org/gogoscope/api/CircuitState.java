package org.gogoscope.api;

/** The three states of a circuit breaker. */
public enum CircuitState {
    /** Calls pass; failures are counted. */
    CLOSED,
    /** Calls fail fast until the open delay has passed. */
    OPEN,
    /** A bounded number of probe calls decide between {@link #CLOSED} and {@link #OPEN}. */
    HALF_OPEN
}
