package org.gogoscope.jpa;

import org.gogoscope.core.KeyPattern;
import org.gogoscope.jpa.dialect.SqlStatements;

/**
 * The parameters of a statement that reads the keys a pattern can match through an index range
 * ({@link SqlStatements#headRange}): the dialect's pattern, and the range {@code [:lower, :upper)} of the pattern's
 * literal head; for a page, also the key it starts after and its size.
 */
final class KeyRange {

    private final SqlStatements sql;
    /** Greater than every key the table can hold: the upper end of a range whose head has none. */
    private final String beyondEveryKey;

    KeyRange(SqlStatements sql, int maxKeyLength) {
        this.sql = sql;
        this.beyondEveryKey = Character.toString(Character.MAX_CODE_POINT).repeat(maxKeyLength + 1);
    }

    /** {@code :pattern}, {@code :lower} and {@code :upper}. */
    Params matching(KeyPattern pattern) {
        return Params.of("pattern", sql.pattern(pattern)).and("lower", pattern.literalHead())
                .and("upper", pattern.literalHeadEnd().orElse(beyondEveryKey));
    }

    /** {@link #matching} plus {@code :after} (the cursor, the empty string for the first page) and {@code :limit}. */
    Params page(KeyPattern pattern, String cursor, int limit) {
        return matching(pattern).and("after", cursor == null ? "" : cursor).and("limit", limit);
    }
}
