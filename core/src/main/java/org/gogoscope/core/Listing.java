package org.gogoscope.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.gogoscope.api.Page;
import org.gogoscope.core.storage.StoredPage;

/** The page arguments every bounded listing of the typed providers checks alike. */
final class Listing {

    /** The most stored records one page reads. */
    static final int MAX_PAGE = 1000;

    private Listing() {
    }

    /** Checks {@code limit} (1 to {@link #MAX_PAGE}) and {@code cursor} (null, or what a previous page returned). */
    static void checkPage(String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE + ", was " + limit);
        }
        if (cursor != null && cursor.isEmpty()) {
            throw new IllegalArgumentException("cursor must be null or a cursor a previous page returned, was ''");
        }
    }

    /**
     * One page of a listing: checks the pattern and page arguments, runs {@code read} as operation
     * {@code operation} of {@code adapter}, and turns what it found into the API's items, keeping only keys that
     * match (a backend may over-match, e.g. Redis reads {@code ?} as {@code *}).
     *
     * @param key the full key of a stored item
     * @param item the API's item of a stored one
     */
    static <S, T> Page<T> page(StorageAdapter adapter, String operation, String pattern, String cursor, int limit,
            Function<KeyPattern, StoredPage<S>> read, Function<S, String> key, Function<S, T> item) {
        KeyPattern matching = adapter.keySpace().pattern("pattern", pattern);
        checkPage(cursor, limit);
        StoredPage<S> page = adapter.call(operation, () -> read.apply(matching));
        List<T> items = new ArrayList<>(page.items().size());
        for (S stored : page.items()) {
            if (matching.matches(key.apply(stored))) {
                items.add(item.apply(stored));
            }
        }
        return new Page<>(items, Optional.ofNullable(page.next()));
    }
}
