package org.gogoscope.jpa;

import java.time.Duration;

/**
 * The databases the tests use: the local servers by default, overridable by environment variables or system
 * properties ({@code GOGOSCOPE_TEST_POSTGRESQL_URL} / {@code gogoscope.test.postgresql.url}, likewise
 * {@code _MARIADB_URL}, {@code _MYSQL_URL} (MySQL Connector/J, against MariaDB here), {@code _SQLITE_URL}, and
 * {@code _USER} / {@code _PASSWORD} per database). Tests isolate themselves by key prefix, never by dropping.
 */
final class TestDatabases {

    private TestDatabases() {
    }

    static SqlSettings postgresql() {
        return settings("postgresql", "postgresql", "jdbc:postgresql://127.0.0.1:5432/test", "postgres");
    }

    static SqlSettings mariadb() {
        return settings("mariadb", "mariadb", "jdbc:mariadb://127.0.0.1:3306/test", "root");
    }

    /** MySQL Connector/J; against MariaDB unless a MySQL URL is configured. */
    static SqlSettings mysqlDriver() {
        return settings("mysql", "mysql", "jdbc:mysql://127.0.0.1:3306/test", "root");
    }

    static SqlSettings sqlite() {
        return settings("sqlite", "sqlite", "jdbc:sqlite:target/sqlite/conformance.db", null);
    }

    /** {@code settings} with its URL's host and port replaced by 127.0.0.1:{@code port}. */
    static SqlSettings through(SqlSettings settings, int port) {
        String url = settings.jdbcUrl().replaceFirst("//[^/:]+(:\\d+)?/", "//127.0.0.1:" + port + "/");
        return new SqlSettings(settings.backend(), url, settings.user(), settings.password(), settings.poolSize(),
                null, null, settings.createSchema(), settings.timeout(), settings.purgeInterval(),
                settings.purgeBatch());
    }

    /** Host and port of a server URL. */
    static java.net.InetSocketAddress address(SqlSettings settings) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("//([^/:]+)(?::(\\d+))?/")
                .matcher(settings.jdbcUrl());
        if (!m.find()) {
            throw new IllegalStateException("no host in " + settings.backend() + " URL");
        }
        int port = m.group(2) != null ? Integer.parseInt(m.group(2))
                : settings.backend().equals("postgresql") ? 5432 : 3306;
        return java.net.InetSocketAddress.createUnresolved(m.group(1), port);
    }

    private static SqlSettings settings(String name, String backend, String url, String user) {
        SqlSettings settings = SqlSettings.jdbc(backend, lookup(name, "url", url), lookup(name, "user", user),
                lookup(name, "password", null));
        return settings.withPoolSize(4).withTimeout(Duration.ofSeconds(10));
    }

    private static String lookup(String name, String what, String fallback) {
        String env = System.getenv("GOGOSCOPE_TEST_" + name.toUpperCase() + "_" + what.toUpperCase());
        if (env != null && !env.isBlank()) {
            return env;
        }
        return System.getProperty("gogoscope.test." + name + "." + what, fallback);
    }
}
