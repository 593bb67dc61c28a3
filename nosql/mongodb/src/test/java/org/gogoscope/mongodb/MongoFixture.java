package org.gogoscope.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.conformance.BackendFixture;

/**
 * The conformance kit's view of one MongoDB database: adapters as nodes, and what MongoDB's TTL monitor does to
 * lock documents once they are free (the stand-in's monitor never runs; a real one deletes them up to a minute
 * after their TTL date).
 */
record MongoFixture(String uri, String database) implements BackendFixture {

    @Override
    public PersistenceAdapter newAdapter(String keyPrefix) {
        return new MongoAdapter(MongoConfig.of(uri, database), keyPrefix);
    }

    /** Deletes every free lock document of the adapter's prefix, as a TTL monitor without grace would. */
    @Override
    public void forgetFreeLocks(PersistenceAdapter adapter) {
        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase(database).getCollection(MongoSchema.LOCKS).deleteMany(
                    com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.regex("_id",
                            "^" + java.util.regex.Pattern.quote(adapter.keyPrefix())), Expiry.expired()));
        }
    }
}
