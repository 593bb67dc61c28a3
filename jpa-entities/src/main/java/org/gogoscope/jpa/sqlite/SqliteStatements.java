package org.gogoscope.jpa.sqlite;

import org.gogoscope.core.KeyPattern;
import org.gogoscope.jpa.dialect.SqlStatements;

/**
 * SQLite (3.35+ for RETURNING): times are TEXT {@code 'YYYY-MM-DD HH:MM:SS.SSS'} in UTC, millisecond precision,
 * the SQLite equivalent of MySQL's DATETIME(3); fixed width, so text order is time order. SQLite's LIKE ignores
 * case for ASCII, so patterns use GLOB, which is case-sensitive, with every literal {@code * ? [} bracketed.
 *
 * <p>"Now" is the JVM's clock, bound as epoch milliseconds (parameter {@value SqlStatements#CLOCK}, read once per
 * statement) and formatted by SQLite, instead of SQLite's {@code 'now'}: SQLite runs inside this process and
 * its {@code 'now'} reads the same operating-system clock ({@code CLOCK_REALTIME}) as
 * {@link System#currentTimeMillis()}, and every process sharing a SQLite file in WAL mode runs on the same host
 * (WAL needs shared memory), so this is the same clock every node of the file reads. It saves the text parsing
 * and formatting of {@code strftime('now', printf('%+.3f seconds', ...))} and {@code julianday('now')} in every
 * lock statement.
 */
final class SqliteStatements extends SqlStatements {

    private static final String FORMAT = "'%Y-%m-%d %H:%M:%f'";
    private static final String CLOCK_PARAM = ":" + CLOCK;
    private static final String NOW = "strftime(" + FORMAT + ", " + CLOCK_PARAM + " / 1000.0, 'unixepoch')";

    @Override
    protected String now() {
        return NOW;
    }

    /** NULL stays NULL (no expiry): {@code clock + NULL} is NULL, and so is strftime of NULL. */
    @Override
    protected String nowPlus(String param) {
        return "strftime(" + FORMAT + ", (" + CLOCK_PARAM + " + :" + param + ") / 1000.0, 'unixepoch')";
    }

    @Override
    protected String nowMillis() {
        return CLOCK_PARAM;
    }

    @Override
    protected String millis(String column) {
        return "CAST(round((julianday(" + column + ") - 2440587.5) * 86400000.0) AS INTEGER)";
    }

    @Override
    protected String fromMillis(String param) {
        return "strftime(" + FORMAT + ", :" + param + " / 1000.0, 'unixepoch')";
    }

    @Override
    protected String epoch() {
        return "'1970-01-01 00:00:00.000'";
    }

    @Override
    protected String clockToken() {
        return "(" + CLOCK_PARAM + " * 1000)";
    }

    @Override
    protected String matches(String column, String param) {
        return column + " GLOB :" + param;
    }

    @Override
    public String pattern(KeyPattern pattern) {
        StringBuilder out = new StringBuilder();
        appendLiteral(out, pattern.prefix());
        for (char c : pattern.glob().toCharArray()) {
            if (c == '*' || c == '?') {
                out.append(c);
            } else {
                appendLiteral(out, String.valueOf(c));
            }
        }
        return out.toString();
    }

    private static void appendLiteral(StringBuilder out, String literal) {
        for (char c : literal.toCharArray()) {
            if (c == '*' || c == '?' || c == '[') {
                out.append('[').append(c).append(']');
            } else {
                out.append(c);
            }
        }
    }
}
