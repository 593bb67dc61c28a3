package org.gogoscope.it.quarkus;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * One Quarkus test profile per backend: the configuration an application on that backend writes in its
 * {@code application.properties}. Each profile is one application start; every start has fresh key prefixes, so
 * runs never see each other's keys.
 */
final class Profiles {

    private Profiles() {
    }

    /** A key prefix no earlier run used. */
    static String prefix(String what) {
        return "it-quarkus:" + what + ":" + Long.toString(System.currentTimeMillis(), 36) + ":";
    }

    private static Map<String, String> store(String backend, String prefix, String... more) {
        Map<String, String> config = new HashMap<>();
        config.put("gogoscope.store.default.backend", backend);
        config.put("gogoscope.store.default.key-prefix", prefix);
        for (int i = 0; i < more.length; i += 2) {
            config.put(more[i], more[i + 1]);
        }
        return config;
    }

    /** The default store on PostgreSQL through Quarkus' default (unqualified) Agroal DataSource bean. */
    private static Map<String, String> postgresOnDefaultBean(String prefix) {
        return store("postgresql", prefix,
                "gogoscope.store.default.datasource-bean", "default",
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test",
                "quarkus.datasource.username", "postgres");
    }

    /** PostgreSQL through Quarkus' default (unqualified) Agroal DataSource bean, JTA-enabled as Quarkus makes it. */
    public static final class Postgres implements QuarkusTestProfile {
        static final String PREFIX = prefix("postgresql");

        @Override
        public Map<String, String> getConfigOverrides() {
            return postgresOnDefaultBean(PREFIX);
        }
    }

    /** MariaDB through a named Agroal DataSource, {@code @io.quarkus.agroal.DataSource("coordination")}. */
    public static final class MariaDb implements QuarkusTestProfile {
        static final String PREFIX = prefix("mariadb");

        @Override
        public Map<String, String> getConfigOverrides() {
            return store("mariadb", PREFIX,
                    "gogoscope.store.default.datasource-bean", "coordination",
                    "quarkus.datasource.coordination.db-kind", "mariadb",
                    "quarkus.datasource.coordination.jdbc.url", "jdbc:mariadb://127.0.0.1:3306/test",
                    "quarkus.datasource.coordination.username", "root",
                    "quarkus.datasource.coordination.password", "");
        }
    }

    /** SQLite (no Quarkus extension): the store's own pool on a file under target/. */
    public static final class Sqlite implements QuarkusTestProfile {
        static final String PREFIX = prefix("sqlite");

        @Override
        public Map<String, String> getConfigOverrides() {
            return store("sqlite", PREFIX, "gogoscope.store.default.jdbc.url", "jdbc:sqlite:target/it-quarkus.db");
        }
    }

    /** Redis at 127.0.0.1:6379. */
    public static final class Redis implements QuarkusTestProfile {
        static final String PREFIX = prefix("redis");

        @Override
        public Map<String, String> getConfigOverrides() {
            return store("redis", PREFIX, "gogoscope.store.default.redis.uri", "redis://127.0.0.1:6379");
        }
    }

    /** The in-memory backend. */
    public static final class Memory implements QuarkusTestProfile {
        static final String PREFIX = prefix("memory");

        @Override
        public Map<String, String> getConfigOverrides() {
            return store("memory", PREFIX);
        }
    }

    /** The interceptors contract, on PostgreSQL through the default DataSource bean. */
    public static final class Interceptors implements QuarkusTestProfile {
        static final String PREFIX = prefix("interceptors");

        @Override
        public Map<String, String> getConfigOverrides() {
            return postgresOnDefaultBean(PREFIX);
        }
    }
}
