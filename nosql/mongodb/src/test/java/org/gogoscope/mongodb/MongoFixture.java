package org.gogoscope.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.core.tls.TlsStores;

/**
 * The conformance kit's view of one MongoDB database: adapters as nodes, and what MongoDB's TTL monitor does to
 * lock documents once they are free (the stand-in's monitor never runs; a real one deletes them up to a minute
 * after their TTL date). {@code tls}: the stores of a {@code tls=true} URI (the JVM's default trust otherwise).
 */
record MongoFixture(String uri, String database, TlsStores tls) implements BackendFixture {

    MongoFixture(String uri, String database) {
        this(uri, database, TlsStores.jvmDefaults());
    }

    private MongoConfig config() {
        return MongoConfig.of(uri, database).withTls(tls);
    }

    @Override
    public PersistenceAdapter newAdapter(String keyPrefix) {
        return new MongoAdapter(config(), keyPrefix);
    }

    /** Deletes every free lock document of the adapter's prefix, as a TTL monitor without grace would. */
    @Override
    public void forgetFreeLocks(PersistenceAdapter adapter) {
        try (MongoClient client = MongoClients.create(config().clientSettings())) {
            client.getDatabase(database).getCollection(MongoSchema.LOCKS).deleteMany(
                    com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.regex("_id",
                            "^" + java.util.regex.Pattern.quote(adapter.keyPrefix())), Expiry.expired()));
        }
    }
}
