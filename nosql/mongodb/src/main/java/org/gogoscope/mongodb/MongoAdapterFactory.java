package org.gogoscope.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.ReadConcern;
import com.mongodb.ReadConcernLevel;
import com.mongodb.WriteConcern;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.spi.AdapterFactory;
import org.gogoscope.core.spi.AdapterSettings;

/**
 * Backend {@code mongodb}, configured by these properties relative to {@code gogoscope.store.<name>.}:
 * {@code mongodb.uri} (required), {@code mongodb.database} (default: the URI's database, else
 * {@code gogoscope}), {@code mongodb.write-concern} ({@code majority} or a number of members, default
 * {@code majority}), {@code mongodb.read-concern} ({@code majority}, {@code local}, {@code linearizable} or
 * {@code available}, default {@code majority}), {@code timeout} (default 5s), {@code mongodb.gc-grace}
 * (default 1h) and {@code key-prefix}.
 */
public final class MongoAdapterFactory implements AdapterFactory {

    static final String URI = "mongodb.uri";
    static final String DATABASE = "mongodb.database";
    static final String WRITE_CONCERN = "mongodb.write-concern";
    static final String READ_CONCERN = "mongodb.read-concern";
    static final String TIMEOUT = "timeout";
    static final String GC_GRACE = "mongodb.gc-grace";
    static final String DEFAULT_DATABASE = "gogoscope";

    @Override
    public Set<String> backends() {
        return Set.of("mongodb");
    }

    @Override
    public PersistenceAdapter create(String backend, AdapterSettings settings) {
        String uri = settings.require(URI);
        ConnectionString parsed = connectionString(settings, uri);
        String database = settings.get(DATABASE)
                .orElse(parsed.getDatabase() == null ? DEFAULT_DATABASE : parsed.getDatabase());
        Duration timeout = settings.getDuration(TIMEOUT, MongoConfig.DEFAULT_TIMEOUT);
        if (timeout.toMillis() < 1) {
            throw settings.invalid(TIMEOUT, timeout.toString(), "a duration of at least 1ms", null);
        }
        Duration gcGrace = settings.getDuration(GC_GRACE, MongoConfig.DEFAULT_GC_GRACE);
        if (gcGrace.isNegative()) {
            throw settings.invalid(GC_GRACE, gcGrace.toString(), "a duration of at least 0s", null);
        }
        MongoConfig config = MongoConfig.of(uri, database).withTimeout(timeout).withGcGrace(gcGrace)
                .withWriteConcern(writeConcern(settings)).withReadConcern(readConcern(settings));
        return new MongoAdapter(config, settings.keyPrefix());
    }

    private static ConnectionString connectionString(AdapterSettings settings, String uri) {
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            // the driver's message may quote the URI, password included: keep it only for a URI without one
            Throwable cause = AdapterSettings.isSecret(URI, uri) ? null : e;
            throw settings.invalid(URI, uri, "a mongodb:// or mongodb+srv:// connection string", cause);
        }
    }

    private static WriteConcern writeConcern(AdapterSettings settings) {
        String value = settings.get(WRITE_CONCERN).orElse("majority");
        if (value.equalsIgnoreCase("majority")) {
            return WriteConcern.MAJORITY;
        }
        try {
            int members = Integer.parseInt(value);
            if (members >= 1) {
                return new WriteConcern(members);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw settings.invalid(WRITE_CONCERN, value, "majority or a number of members >= 1", null);
    }

    private static ReadConcern readConcern(AdapterSettings settings) {
        String value = settings.get(READ_CONCERN).orElse("majority");
        switch (value.toLowerCase(Locale.ROOT)) {
            case "majority", "local", "linearizable", "available":
                return new ReadConcern(ReadConcernLevel.fromString(value.toLowerCase(Locale.ROOT)));
            default:
                throw settings.invalid(READ_CONCERN, value, "majority, local, linearizable or available", null);
        }
    }
}
