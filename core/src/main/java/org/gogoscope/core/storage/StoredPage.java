package org.gogoscope.core.storage;

import java.util.List;

/**
 * One page of a backend's bounded listing: what it found among the records it read, and where to go on.
 *
 * @param items what this page found, full keys; possibly fewer than the limit, even none, while more follow
 * @param next the backend's cursor for the next page (a last key, a SCAN cursor), or {@code null} when nothing
 *     more can follow
 * @param <T> the stored kind listed
 */
public record StoredPage<T>(List<T> items, String next) {

    public StoredPage {
        items = List.copyOf(items);
    }
}
