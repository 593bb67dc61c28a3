package org.gogoscope.telemetry;

/** A {@code @Locked} method or a shared breaker: the store's name and its own. */
record Named(String store, String name) {
}
