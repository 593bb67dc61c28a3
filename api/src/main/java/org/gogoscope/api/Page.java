package org.gogoscope.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a bounded listing ({@link CircuitBreakerStateProvider#listRecords},
 * {@link IdempotencyProvider#listInProgress}, {@link CheckpointProvider#listTasks}): what one bounded read found,
 * and the cursor of the next page when more may follow. A page may hold fewer items than its limit, even none,
 * while more follow: go on until {@link #next()} is empty.
 *
 * @param items what this page found, at most the requested limit
 * @param next the cursor to pass for the next page; empty when the listing is complete
 * @param <T> the kind listed
 */
public record Page<T>(List<T> items, Optional<String> next) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
