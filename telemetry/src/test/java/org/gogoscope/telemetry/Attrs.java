package org.gogoscope.telemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

/** Attribute sets written out by their names, as a dashboard would query them (not through {@link Keys}). */
final class Attrs {

    private Attrs() {
    }

    /** {@code of("gogoscope.store", "orders", "gogoscope.backend", "memory")}. */
    static Attributes of(String... namesAndValues) {
        AttributesBuilder builder = Attributes.builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /** Store {@code orders} on the in-memory backend, plus {@code more}. */
    static Attributes orders(String... more) {
        String[] all = new String[4 + more.length];
        all[0] = "gogoscope.store";
        all[1] = "orders";
        all[2] = "gogoscope.backend";
        all[3] = "memory";
        System.arraycopy(more, 0, all, 4, more.length);
        return of(all);
    }
}
