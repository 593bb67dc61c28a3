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
