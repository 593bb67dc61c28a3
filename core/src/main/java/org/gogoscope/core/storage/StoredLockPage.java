package org.gogoscope.core.storage;

import java.util.List;

/**
 * One page of live locks as a backend listed them.
 *
 * @param locks the live locks found, full keys
 * @param next the backend's cursor for the next page, or {@code null} when the listing is complete
 */
public record StoredLockPage(List<StoredLock> locks, String next) {

    public StoredLockPage {
        locks = List.copyOf(locks);
    }
}
