package org.gogoscope.it.helidon;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The configuration of one test application, as a MicroProfile {@link ConfigSource} for Helidon's
 * {@code @AddConfigSource}: the given properties plus a key prefix unique to the run
 * ({@code it-helidon:<what>:<random>:}), so runs never see each other's records in the shared databases.
 */
final class Stores {

    /** PostgreSQL 127.0.0.1:5432, database test, user postgres (trust). */
    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    /** MariaDB 127.0.0.1:3306, database test, root without password. */
    static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";

    private Stores() {
    }

    /** {@code properties} (a properties file's text) plus {@code gogoscope.store.default.key-prefix}. */
    static ConfigSource config(String what, String properties) {
        Properties parsed = new Properties();
        try {
            parsed.load(new StringReader(properties));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        Map<String, String> values = new HashMap<>();
        parsed.stringPropertyNames().forEach(name -> values.put(name, parsed.getProperty(name)));
        values.put("gogoscope.store.default.key-prefix", uniquePrefix(what));
        // ordinal 500: above microprofile-config.properties (100) and the environment
        return new MapConfigSource("it-helidon-" + what, values, 500);
    }

    /** {@code it-helidon:<what>:<8 random hex digits>:}. */
    static String uniquePrefix(String what) {
        return "it-helidon:" + what + ":" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    /** A SQLite database file under {@code target/sqlite} (system property {@code sqlite.dir}), as a JDBC URL. */
    static String sqliteUrl(String file) {
        Path dir = Path.of(System.getProperty("sqlite.dir", "target/sqlite")).toAbsolutePath();
        dir.toFile().mkdirs();
        return "jdbc:sqlite:" + dir.resolve(file);
    }
}
