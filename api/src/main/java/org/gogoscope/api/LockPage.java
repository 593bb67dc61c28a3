package org.gogoscope.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of {@link LockProvider#list}: some live locks, and the cursor of the next page when there may be more.
 *
 * @param locks live locks of this page, at most the requested limit
 * @param next the cursor to pass for the next page; empty when the listing is complete
 */
public record LockPage(List<LockInfo> locks, Optional<String> next) {

    public LockPage {
        locks = List.copyOf(locks);
        Objects.requireNonNull(next, "next");
    }
}
