package org.gogoscope.reliability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.gogoscope.api.ClaimResult;

/**
 * What one call did, in a form that can be compared between a backend and the in-memory oracle: a normalised
 * value, or the kind of exception. Lock handles become "granted", claim results their kind (and stored result),
 * key lists are sorted.
 */
record Outcome(String kind, Object value) {

    static Outcome of(Supplier<?> call) {
        try {
            return new Outcome("ok", normalise(call.get()));
        } catch (IllegalArgumentException e) {
            return new Outcome("IllegalArgumentException", e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome(e.getClass().getSimpleName(), e.getMessage());
        }
    }

    boolean sameAs(Outcome other) {
        if (!kind.equals(other.kind)) {
            return false;
        }
        // messages of argument errors may differ (e.g. a backend's own key limit); values must not
        return kind.equals("IllegalArgumentException") || java.util.Objects.equals(value, other.value);
    }

    private static Object normalise(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(v -> v instanceof org.gogoscope.api.LockHandle ? "granted" : normalise(v))
                    .orElse("empty");
        }
        if (value instanceof ClaimResult.Claimed<?>) {
            return "Claimed";
        }
        if (value instanceof ClaimResult.InProgress<?>) {
            return "InProgress";
        }
        if (value instanceof ClaimResult.Completed<?> completed) {
            return "Completed:" + completed.result();
        }
        if (value instanceof ClaimResult.Mismatch<?> mismatch) {
            return "Mismatch:" + mismatch.storedFingerprint();
        }
        if (value instanceof org.gogoscope.api.Checkpoint<?> checkpoint) {
            return checkpoint.id() + "|" + checkpoint.taskId() + "|" + checkpoint.sequence() + "|" + checkpoint.data();
        }
        if (value instanceof Collection<?> collection) {
            List<String> sorted = new ArrayList<>();
            collection.forEach(item -> sorted.add(String.valueOf(normalise(item))));
            sorted.sort(null);
            return sorted;
        }
        return value;
    }
}
