package org.gogoscope.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.gogoscope.core.StorageAdapter;
import org.gogoscope.core.storage.Storages;

/**
 * The MongoDB backend ({@code mongodb}) on mongodb-driver-sync: six collections, see {@link MongoSchema}.
 * Each adapter owns one {@link MongoClient} (its connection pool), opened by {@code connect()} together with
 * the indexes and closed by {@code disconnect()}; several adapters on one database act as nodes.
 *
 * <p>Expiry is judged by the server's clock ({@code $currentDate} when writing, {@code $$NOW} in every filter);
 * needs MongoDB 4.2 or later. No operation uses transactions.
 */
public final class MongoAdapter extends StorageAdapter {

    /** Keys up to this many characters, prefix included. */
    public static final int MAX_KEY_LENGTH = 1024;

    private final MongoConfig config;
    private MongoClient client;

    public MongoAdapter(MongoConfig config, String keyPrefix) {
        super("mongodb", keyPrefix, MAX_KEY_LENGTH);
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
    }

    public MongoConfig config() {
        return config;
    }

    @Override
    protected Storages open() {
        MongoClient opened = MongoClients.create(config.clientSettings());
        try {
            MongoSchema schema = new MongoSchema(opened.getDatabase(config.database()));
            schema.create();
            Expiry expiry = new Expiry(config.gcGrace().toMillis());
            client = opened;
            return new Storages(new MongoLockStorage(schema.collection(MongoSchema.LOCKS), expiry),
                    new MongoCircuitStorage(schema.collection(MongoSchema.CIRCUIT),
                            schema.collection(MongoSchema.CIRCUIT_RECORDS)),
                    new MongoCacheStorage(schema.collection(MongoSchema.CACHE), expiry),
                    new MongoCheckpointStorage(schema.collection(MongoSchema.CHECKPOINTS)),
                    new MongoIdempotencyStorage(schema.collection(MongoSchema.IDEMPOTENCY), expiry));
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    @Override
    protected void close(Storages storages) {
        MongoClient open = client;
        client = null;
        if (open != null) {
            open.close();
        }
    }
}
