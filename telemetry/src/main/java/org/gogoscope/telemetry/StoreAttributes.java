package org.gogoscope.telemetry;

import io.opentelemetry.api.common.Attributes;
import org.gogoscope.core.telemetry.Telemetry;

/** The attribute sets of one store, built once: the store alone, with each outcome, with each operation. */
final class StoreAttributes {

    /** More distinct operation names than the library has (about 30) are not cached. */
    private static final int OPERATIONS = 128;

    final Attributes store;
    private final Attributes[] locks;
    private final Attributes[] reads;
    private final Attributes[] claims;
    private final BoundedMemo<String, Attributes> operations;

    StoreAttributes(Telemetry.Store named) {
        store = Attributes.of(Keys.STORE, named.name(), Keys.BACKEND, named.backend());
        locks = withOutcomes(Telemetry.LockOutcome.values());
        reads = withOutcomes(Telemetry.CacheOutcome.values());
        claims = withOutcomes(Telemetry.ClaimOutcome.values());
        operations = new BoundedMemo<>(OPERATIONS, operation -> store.toBuilder().put(Keys.OPERATION, operation)
                .build());
    }

    Attributes lock(Telemetry.LockOutcome outcome) {
        return locks[outcome.ordinal()];
    }

    Attributes read(Telemetry.CacheOutcome outcome) {
        return reads[outcome.ordinal()];
    }

    Attributes claim(Telemetry.ClaimOutcome outcome) {
        return claims[outcome.ordinal()];
    }

    Attributes operation(String operation) {
        return operations.get(operation);
    }

    private Attributes[] withOutcomes(Enum<?>[] outcomes) {
        Attributes[] sets = new Attributes[outcomes.length];
        for (Enum<?> outcome : outcomes) {
            sets[outcome.ordinal()] = store.toBuilder().put(Keys.OUTCOME, Keys.value(outcome)).build();
        }
        return sets;
    }
}
