package org.gogoscope.reliability;

import java.time.Duration;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.jpa.SqlAdapter;
import org.gogoscope.jpa.SqlSettings;
import org.gogoscope.mongodb.MongoAdapter;
import org.gogoscope.mongodb.MongoConfig;

/**
 * How a child JVM opens the backend its parent names: {@code sqlite=<file>}, {@code mongodb=<uri>} (the
 * parent's in-process server) or the name of a shared server backend ({@code postgresql}, {@code mariadb},
 * {@code redis}).
 */
final class ChildAdapters {

    private ChildAdapters() {
    }

    static String spec(Backends backend, String sqliteFile) {
        return switch (backend) {
            case SQLITE -> "sqlite=" + sqliteFile;
            case MONGODB -> "mongodb=" + InProcessMongo.uri();
            default -> backend.name();
        };
    }

    static PersistenceAdapter open(String spec, String prefix) {
        PersistenceAdapter adapter;
        if (spec.startsWith("sqlite=")) {
            adapter = new SqlAdapter(SqlSettings.sqliteFile(spec.substring(7)).withPoolSize(2)
                    .withTimeout(Duration.ofSeconds(10)), prefix);
        } else if (spec.startsWith("mongodb=")) {
            adapter = new MongoAdapter(MongoConfig.of(spec.substring(8), "reliability"), prefix);
        } else {
            adapter = Backends.valueOf(spec).node(prefix);
        }
        adapter.connect();
        return adapter;
    }
}
