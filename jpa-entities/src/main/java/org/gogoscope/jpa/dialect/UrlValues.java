package org.gogoscope.jpa.dialect;

/**
 * How a JDBC driver reads the values of its URL's query string ({@code ?user=app&password=...}): what the generic
 * code must do to a value it takes out of the URL so that the driver, given it as a connection property instead,
 * sees what it would have read from the URL.
 */
public enum UrlValues {

    /** Percent-escapes and {@code +} are decoded (pgJDBC, MySQL Connector/J). */
    PERCENT_DECODED,

    /** Values are taken as written, escapes included (MariaDB Connector/J). */
    AS_WRITTEN
}
