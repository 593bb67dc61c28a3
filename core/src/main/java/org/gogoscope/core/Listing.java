package org.gogoscope.core;

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
}
