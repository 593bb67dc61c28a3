package org.gogoscope.telemetry;

import io.opentelemetry.api.common.Attributes;

/** The attribute sets of one {@code @Locked} method in one store, built once. */
final class MethodAttributes {

    /** Store and method: the watchdog's counters. */
    final Attributes method;
    final Attributes granted;
    final Attributes refused;

    MethodAttributes(Named named) {
        method = Attributes.of(Keys.STORE, named.store(), Keys.CODE_FUNCTION, named.name());
        granted = method.toBuilder().put(Keys.OUTCOME, "granted").build();
        refused = method.toBuilder().put(Keys.OUTCOME, "refused").build();
    }
}
