package org.gogoscope.jpa;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gogoscope.jpa.dialect.UrlValues;

/**
 * A JDBC URL with the {@code user} and {@code password} of its query string taken out
 * ({@code jdbc:postgresql://host/db?user=app&password=...}, a form every driver here accepts), so that the URL a
 * driver sees holds no secret: pgJDBC logs the URL it connects with at FINE, and {@code DriverManager} shows every
 * URL to every registered driver, which may log it too. The credentials go to the driver as connection properties.
 *
 * <p>Values are decoded as the URL's own driver decodes them, which the dialect whose driver the URL names says
 * ({@link org.gogoscope.jpa.dialect.SqlDialect#urlValues}): percent-escapes and {@code +} for pgJDBC and MySQL
 * Connector/J, taken as written for MariaDB Connector/J. URLs no dialect claims (SQLite's) are left as they are.
 * When a key appears twice the last value counts, as in the drivers.
 *
 * @param url the URL without the two parameters
 * @param user the URL's user, or {@code null}
 * @param password the URL's password, or {@code null}
 */
record UrlCredentials(String url, String user, String password) {

    /** The URL's credentials, or the URL unchanged with none. */
    static UrlCredentials split(String url) {
        Optional<UrlValues> values = Dialect.urlValues(url);
        boolean decoded = values.equals(Optional.of(UrlValues.PERCENT_DECODED));
        int query = url.indexOf('?');
        if (values.isEmpty() || query < 0) {
            return new UrlCredentials(url, null, null);
        }
        String user = null;
        String password = null;
        List<String> kept = new ArrayList<>();
        for (String parameter : url.substring(query + 1).split("&", -1)) {
            int equals = parameter.indexOf('=');
            String key = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            if (key.equalsIgnoreCase("user")) {
                user = decoded ? decode(value, "user") : value;
            } else if (key.equalsIgnoreCase("password")) {
                password = decoded ? decode(value, "password") : value;
            } else {
                kept.add(parameter);
            }
        }
        if (user == null && password == null) {
            return new UrlCredentials(url, null, null);
        }
        String base = url.substring(0, query);
        return new UrlCredentials(kept.isEmpty() ? base : base + "?" + String.join("&", kept), user, password);
    }

    /**
     * A URL with every other secret parameter of its query string taken out: those whose name contains
     * {@code password} or {@code passphrase} (any case), e.g. pgJDBC's {@code sslpassword}, MySQL Connector/J's
     * {@code trustCertificateKeyStorePassword} / {@code clientCertificateKeyStorePassword}, MariaDB Connector/J's
     * {@code trustStorePassword} / {@code keyStorePassword} / {@code keyPassword}. The driver gets them as
     * connection properties (every driver here reads the same names from both), so neither the driver's own URL
     * logging nor HikariCP's configuration dump sees them. Decoded like {@link #split}.
     *
     * @param url the URL without those parameters
     * @param secrets the parameters taken out, name to value, in URL order (the last value of a repeated name)
     */
    record WithoutSecrets(String url, Map<String, String> secrets) {

        @Override
        public String toString() {
            return "WithoutSecrets[url=" + url + ", secrets=" + secrets.keySet() + "]";
        }
    }

    /** {@code url} without its secret parameters (see {@link WithoutSecrets}); URLs no dialect claims as they are. */
    static WithoutSecrets withoutSecrets(String url) {
        Optional<UrlValues> values = Dialect.urlValues(url);
        boolean decoded = values.equals(Optional.of(UrlValues.PERCENT_DECODED));
        int query = url.indexOf('?');
        if (values.isEmpty() || query < 0) {
            return new WithoutSecrets(url, Map.of());
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        for (String parameter : url.substring(query + 1).split("&", -1)) {
            int equals = parameter.indexOf('=');
            String key = equals < 0 ? parameter : parameter.substring(0, equals);
            String lower = key.toLowerCase(Locale.ROOT);
            if (equals > 0 && (lower.contains("password") || lower.contains("passphrase"))) {
                String value = parameter.substring(equals + 1);
                secrets.put(key, decoded ? decode(value, key) : value);
            } else {
                kept.add(parameter);
            }
        }
        if (secrets.isEmpty()) {
            return new WithoutSecrets(url, Map.of());
        }
        String base = url.substring(0, query);
        return new WithoutSecrets(kept.isEmpty() ? base : base + "?" + String.join("&", kept),
                java.util.Collections.unmodifiableMap(secrets));
    }

    /**
     * Which credential is given both here and as a separate value, with a different value: {@code "user"},
     * {@code "password"} (checked in that order), or empty. The same value twice is no conflict.
     */
    Optional<String> conflictWith(String otherUser, String otherPassword) {
        if (user != null && otherUser != null && !user.equals(otherUser)) {
            return Optional.of("user");
        }
        if (password != null && otherPassword != null && !password.equals(otherPassword)) {
            return Optional.of("password");
        }
        return Optional.empty();
    }

    private static String decode(String value, String key) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // the message must not quote the value: it may be the password
            throw new IllegalArgumentException("the JDBC URL's " + key + " parameter has a malformed %-escape");
        }
    }

    @Override
    public String toString() {
        return "UrlCredentials[url=" + url + ", user=" + user + ", password=" + (password == null ? null : "****")
                + "]";
    }
}
