package org.gogoscope.core.layout;

import java.util.Locale;
import org.gogoscope.api.CircuitState;

/** Breaker states as go-go-scope's Node adapters store them: {@code closed}, {@code open}, {@code half-open}. */
public final class NodeSpelling {

    private NodeSpelling() {
    }

    /** The stored spelling of {@code state}. */
    public static String of(CircuitState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The state a stored spelling names; also reads the enum's own names ({@code HALF_OPEN}). */
    public static CircuitState parse(String stored) {
        try {
            return CircuitState.valueOf(stored.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("unknown circuit-breaker state '" + stored + "' in the store", e);
        }
    }
}
