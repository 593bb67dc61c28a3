package org.gogoscope.telemetry;

import io.opentelemetry.api.common.Attributes;
import org.gogoscope.core.telemetry.Telemetry.BreakerState;

/** The attribute sets of one shared breaker, built once: the breaker alone, and with each state (the state set). */
final class BreakerAttributes {

    final Attributes breaker;
    private final Attributes[] states;

    BreakerAttributes(Named named) {
        breaker = Attributes.of(Keys.STORE, named.store(), Keys.BREAKER, named.name());
        BreakerState[] all = BreakerState.values();
        states = new Attributes[all.length];
        for (BreakerState state : all) {
            states[state.ordinal()] = breaker.toBuilder().put(Keys.BREAKER_STATE, Keys.value(state)).build();
        }
    }

    Attributes state(BreakerState state) {
        return states[state.ordinal()];
    }

    /** A transition: rare (a breaker opens or closes), so built when it happens. */
    Attributes transition(BreakerState from, BreakerState to) {
        return breaker.toBuilder().put(Keys.BREAKER_FROM, Keys.value(from)).put(Keys.BREAKER_TO, Keys.value(to))
                .build();
    }
}
