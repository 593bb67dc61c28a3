package org.gogoscope.jpa;

import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/** Named parameter values for one statement. Nulls carry their SQL type so every driver can infer it. */
final class Params {

    /** A typed SQL NULL. */
    record Null(int sqlType) {
    }

    private final Map<String, Object> values = new HashMap<>();

    static Params of(String name, Object value) {
        return new Params().and(name, value);
    }

    /** A non-null {@link String}, {@link Long} or {@link Integer}. */
    Params and(String name, Object value) {
        if (value == null) {
            throw new IllegalStateException("null for SQL parameter :" + name + " must be typed");
        }
        values.put(name, value);
        return this;
    }

    Params text(String name, String value) {
        values.put(name, value == null ? new Null(Types.VARCHAR) : value);
        return this;
    }

    Params number(String name, Long value) {
        values.put(name, value == null ? new Null(Types.BIGINT) : value);
        return this;
    }

    Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalStateException("no value for SQL parameter :" + name);
        }
        return values.get(name);
    }
}
