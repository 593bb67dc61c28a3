package org.gogoscope.jpa.postgresql;

import org.gogoscope.jpa.dialect.SqlStatements;

/**
 * PostgreSQL's fragments: times are {@code TIMESTAMP} (without time zone) holding UTC, as in the seeds' schema;
 * JSON is {@code JSONB}. Every statement is the standard form of {@link SqlStatements}.
 */
final class PostgresStatements extends SqlStatements {

    private static final String NOW = "(now() AT TIME ZONE 'UTC')";

    @Override
    protected String now() {
        return NOW;
    }

    @Override
    protected String nowPlus(String param) {
        return "(" + NOW + " + CAST(:" + param + " AS double precision) * INTERVAL '1 millisecond')";
    }

    @Override
    protected String millis(String column) {
        return "CAST(round(extract(epoch FROM " + column + ") * 1000) AS bigint)";
    }

    @Override
    protected String fromMillis(String param) {
        return "(TIMESTAMP '1970-01-01 00:00:00' + CAST(:" + param + " AS double precision) * INTERVAL '1 millisecond')";
    }

    @Override
    protected String epoch() {
        return "TIMESTAMP '1970-01-01 00:00:00'";
    }

    @Override
    protected String clockToken() {
        return "CAST(extract(epoch FROM now()) * 1000000 AS bigint)";
    }

    @Override
    protected String jsonIn(String param) {
        return "CAST(:" + param + " AS jsonb)";
    }

    @Override
    protected String jsonOut(String column) {
        return "CAST(" + column + " AS text)";
    }
}
