package org.gogoscope.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.ReadConcern;
import com.mongodb.ReadConcernLevel;
import com.mongodb.WriteConcern;
import java.util.Optional;
import java.util.Set;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.MessageCode;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.spi.AdapterFactory;
import org.gogoscope.core.spi.AdapterSettings;
import org.gogoscope.core.tls.TlsStores;

/** Backend {@code mongodb}, configured by the {@link MongoProperties} relative to {@code gogoscope.store.<name>.}. */
public final class MongoAdapterFactory implements AdapterFactory {

    static final String DEFAULT_DATABASE = "gogoscope";

    @Override
    public Set<String> backends() {
        return Set.of("mongodb");
    }

    @Override
    public PersistenceAdapter create(String backend, AdapterSettings settings) {
        String uri = MongoProperties.URI.require(settings);
        ConnectionString parsed = connectionString(settings, uri);
        String database = MongoProperties.DATABASE.get(settings)
                .orElse(parsed.getDatabase() == null ? DEFAULT_DATABASE : parsed.getDatabase());
        MongoConfig config = MongoConfig.of(uri, database).withTimeout(MongoProperties.TIMEOUT.read(settings))
                .withGcGrace(MongoProperties.GC_GRACE.read(settings))
                .withCreateIndexes(MongoProperties.CREATE_INDEXES.read(settings))
                .withWriteConcern(writeConcern(MongoProperties.WRITE_CONCERN.read(settings)))
                .withReadConcern(new ReadConcern(ReadConcernLevel.fromString(MongoProperties.READ_CONCERN
                        .read(settings))));
        config = config.withTls(tls(settings, MongoConfig.isTls(parsed)));
        return new MongoAdapter(config, settings.keyPrefix());
    }

    private static ConnectionString connectionString(AdapterSettings settings, String uri) {
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            // the driver's message may quote the URI, password included: keep it only for a URI without one
            Throwable cause = AdapterSettings.isSecret(MongoProperties.URI.name(), uri) ? null : e;
            throw settings.invalid(MongoProperties.URI.name(), uri, "a mongodb:// or mongodb+srv:// connection string",
                    cause);
        }
    }

    /**
     * The {@code mongodb.tls.*} stores. They are read once here, so that a missing file or a wrong password is a
     * configuration error at start-up (they are read again on each connect). A store set while the URI leaves TLS
     * off is an error: the connection would be plaintext, most likely not what was meant.
     */
    private static TlsStores tls(AdapterSettings settings, boolean uriTls) {
        if (!uriTls) {
            Optional<String> store = MongoProperties.TLS_STORES.anyStoreSet(settings);
            if (store.isPresent()) {
                String uri = settings.fullName(MongoProperties.URI.name());
                throw new ConfigurationException(MessageCode.MISSING_PROPERTY, uri, settings.fullName(store.get())
                        + " is set but TLS is off for store '" + settings.storeName() + "': add tls=true to " + uri
                        + " (or use a mongodb+srv:// URI)");
            }
            return TlsStores.jvmDefaults();
        }
        return MongoProperties.TLS_STORES.read(settings);
    }

    /** {@code majority} or a number of members, as {@link MongoProperties#WRITE_CONCERN} accepts them. */
    private static WriteConcern writeConcern(String value) {
        return value.equalsIgnoreCase("majority") ? WriteConcern.MAJORITY : new WriteConcern(Integer.parseInt(value));
    }
}
