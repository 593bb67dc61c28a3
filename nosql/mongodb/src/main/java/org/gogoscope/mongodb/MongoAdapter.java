package org.gogoscope.mongodb;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.ServerDescriptionChangedEvent;
import com.mongodb.event.ServerHeartbeatFailedEvent;
import com.mongodb.event.ServerListener;
import com.mongodb.event.ServerMonitorListener;
import org.gogoscope.api.BackendException;
import org.gogoscope.core.StorageAdapter;
import org.gogoscope.core.layout.NodeLayout;
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
        MongoClientSettings settings;
        try {
            settings = config.clientSettings(); // reads the TLS stores
        } catch (IllegalArgumentException e) { // a store that cannot be read now: the message holds no password
            throw new BackendException("mongodb", "connect", e.getMessage(), e);
        }
        MonitorFailures failures = new MonitorFailures();
        MongoClient opened = MongoClients.create(MongoClientSettings.builder(settings)
                .applyToServerSettings(server -> server.addServerListener(failures).addServerMonitorListener(failures))
                .build());
        try {
            MongoSchema schema = new MongoSchema(opened.getDatabase(config.database()));
            if (config.createIndexes()) {
                schema.create();
            } else {
                schema.check();
            }
            Expiry expiry = new Expiry(config.gcGrace().toMillis());
            client = opened;
            return new NodeLayout(keyPrefix(), true).over(new Storages(new MongoLockStorage(schema.collection(MongoSchema.LOCKS), expiry),
                    new MongoCircuitStorage(schema.collection(MongoSchema.CIRCUIT),
                            schema.collection(MongoSchema.CIRCUIT_RECORDS)),
                    new MongoCacheStorage(schema.collection(MongoSchema.CACHE), expiry),
                    new MongoCheckpointStorage(schema.collection(MongoSchema.CHECKPOINTS)),
                    new MongoIdempotencyStorage(schema.collection(MongoSchema.IDEMPOTENCY), expiry)));
        } catch (RuntimeException e) {
            opened.close();
            throw MongoErrors.connectFailure(e, failures.last, config.tlsEnabled());
        }
    }

    /**
     * The last exception the driver's server monitor saw (a TLS handshake failure, a closed connection): the driver
     * only quotes it in the text of its server selection timeout.
     */
    private static final class MonitorFailures implements ServerListener, ServerMonitorListener {

        volatile Throwable last;

        @Override
        public void serverDescriptionChanged(ServerDescriptionChangedEvent event) {
            Throwable failure = event.getNewDescription().getException();
            if (failure != null) {
                last = failure;
            }
        }

        @Override
        public void serverHeartbeatFailed(ServerHeartbeatFailedEvent event) {
            last = event.getThrowable();
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
