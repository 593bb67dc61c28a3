package org.gogoscope.mongodb;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ServerDescription;
import com.mongodb.event.ClusterDescriptionChangedEvent;
import com.mongodb.event.ClusterListener;
import com.mongodb.event.ServerDescriptionChangedEvent;
import com.mongodb.event.ServerHeartbeatFailedEvent;
import com.mongodb.event.ServerListener;
import com.mongodb.event.ServerMonitorListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gogoscope.api.BackendException;
import org.gogoscope.core.StorageAdapter;
import org.gogoscope.core.layout.NodeLayout;
import org.gogoscope.core.storage.Storages;
import org.gogoscope.core.tls.TlsFailures;

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
                .applyToClusterSettings(cluster -> cluster.addClusterListener(failures))
                .build());
        try {
            String unreachable = failures.unreachable(config.timeout().toMillis());
            if (unreachable != null) { // every server refused: waiting for server selection would change nothing
                throw new BackendException("mongodb", "connect", unreachable, failures.last);
            }
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
    private static final class MonitorFailures implements ServerListener, ServerMonitorListener, ClusterListener {

        volatile Throwable last;
        /** The first verdict on the cluster: {@code null} once a server answered, else why none can be reached. */
        private final CompletableFuture<String> verdict = new CompletableFuture<>();

        /**
         * Waits at most {@code millis} for the server monitor's first round: {@code null} once a server answered (or
         * no verdict yet), else "connection refused to host:port" when every known server could not be reached at
         * all. A refused port is known at once, so {@code connect()} need not wait the whole server selection timeout.
         */
        String unreachable(long millis) {
            try {
                return verdict.get(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException | TimeoutException e) {
                return null;
            }
        }

        @Override
        public void clusterDescriptionChanged(ClusterDescriptionChangedEvent event) {
            List<ServerDescription> servers = event.getNewDescription().getServerDescriptions();
            if (servers.stream().anyMatch(ServerDescription::isOk)) {
                verdict.complete(null);
                return;
            }
            StringBuilder down = new StringBuilder();
            for (ServerDescription server : servers) {
                if (server.getException() == null) {
                    return; // not checked yet
                }
                String why = TlsFailures.unreachable(server.getException(), server.getAddress().toString());
                if (why == null) { // reached, but failed some other way (TLS, auth): server selection reports it
                    verdict.complete(null); // without waiting here first
                    return;
                }
                down.append(down.length() == 0 ? "" : "; ").append(why);
            }
            if (!servers.isEmpty()) {
                verdict.complete(down.toString());
            }
        }

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
