package org.gogoscope.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.event.CommandListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.gogoscope.core.tls.TlsStores;

/**
 * How a {@link MongoAdapter} reaches its server: connection string, database, write and read concern, the one
 * timeout that bounds server selection, connecting, waiting for a pooled connection and each socket read, and
 * the grace period added to garbage-collection dates, and the TLS trust and key stores. Immutable; the
 * {@code with} methods return copies.
 *
 * <p>TLS is switched on by the connection string ({@code tls=true}, or a {@code mongodb+srv://} one), as are its
 * options the driver knows ({@code tlsAllowInvalidHostnames}); {@link #withTls(TlsStores)} only chooses the
 * certificates trusted and shown.
 */
public final class MongoConfig {

    /** Default {@link #timeout()}: how long an operation may wait for a server before it fails. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** Default {@link #gcGrace()}. */
    public static final Duration DEFAULT_GC_GRACE = Duration.ZERO;

    private final ConnectionString uri;
    private final String database;
    private final WriteConcern writeConcern;
    private final ReadConcern readConcern;
    private final Duration timeout;
    private final Duration gcGrace;
    private final List<CommandListener> listeners;
    private final TlsStores tls;
    private final boolean createIndexes;

    private MongoConfig(ConnectionString uri, String database, WriteConcern writeConcern, ReadConcern readConcern,
            Duration timeout, Duration gcGrace, List<CommandListener> listeners, TlsStores tls,
            boolean createIndexes) {
        this.uri = uri;
        this.database = database;
        this.writeConcern = writeConcern;
        this.readConcern = readConcern;
        this.timeout = timeout;
        this.gcGrace = gcGrace;
        this.listeners = List.copyOf(listeners);
        this.tls = tls;
        this.createIndexes = createIndexes;
    }

    /**
     * Settings for {@code uri} and {@code database}, with majority write and read concern, a 5 s timeout and no
     * garbage-collection grace ({@code expiresAt} is the real expiry).
     */
    public static MongoConfig of(String uri, String database) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("uri must not be blank");
        }
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("database must not be blank");
        }
        return new MongoConfig(new ConnectionString(uri), database, WriteConcern.MAJORITY, ReadConcern.MAJORITY,
                DEFAULT_TIMEOUT, DEFAULT_GC_GRACE, List.of(), TlsStores.jvmDefaults(), true);
    }

    public MongoConfig withWriteConcern(WriteConcern concern) {
        Objects.requireNonNull(concern, "writeConcern");
        if (!concern.isAcknowledged()) {
            throw new IllegalArgumentException("writeConcern must be acknowledged: locks need the server's answer");
        }
        return new MongoConfig(uri, database, concern, readConcern, timeout, gcGrace, listeners, tls, createIndexes);
    }

    public MongoConfig withReadConcern(ReadConcern concern) {
        Objects.requireNonNull(concern, "readConcern");
        return new MongoConfig(uri, database, writeConcern, concern, timeout, gcGrace, listeners, tls, createIndexes);
    }

    /** {@code timeout} must be at least one millisecond. */
    public MongoConfig withTimeout(Duration timeout) {
        MongoProperties.TIMEOUT.check("timeout", timeout);
        return new MongoConfig(uri, database, writeConcern, readConcern, timeout, gcGrace,
                listeners, tls, createIndexes);
    }

    /** {@code gcGrace} must not be negative. */
    public MongoConfig withGcGrace(Duration gcGrace) {
        MongoProperties.GC_GRACE.check("gcGrace", gcGrace);
        return new MongoConfig(uri, database, writeConcern, readConcern, timeout, gcGrace,
                listeners, tls, createIndexes);
    }

    /** Adds a driver command listener (monitoring, tests counting round trips). */
    public MongoConfig withCommandListener(CommandListener listener) {
        List<CommandListener> more = new ArrayList<>(listeners);
        more.add(Objects.requireNonNull(listener, "listener"));
        return new MongoConfig(uri, database, writeConcern, readConcern, timeout, gcGrace, more, tls, createIndexes);
    }

    /**
     * Trust the certificates of {@code stores}' trust store (else the JVM's default trust) and show the client
     * certificate of its key store (else none). The stores are read on each connect.
     *
     * @throws IllegalArgumentException when the connection string does not switch TLS on: stores for a plaintext
     *         connection would be ignored
     */
    public MongoConfig withTls(TlsStores stores) {
        Objects.requireNonNull(stores, "stores");
        if (!stores.isJvmDefault() && !tlsEnabled()) {
            throw new IllegalArgumentException("TLS stores are set but the connection string does not switch TLS on "
                    + "(tls=true, or mongodb+srv://)");
        }
        return new MongoConfig(uri, database, writeConcern, readConcern, timeout, gcGrace,
                listeners, stores, createIndexes);
    }

    /**
     * {@code true} (the default): {@code connect()} creates the collections' indexes and the record collection
     * (idempotent; the account needs {@code createIndex} and {@code createCollection}). {@code false}: it creates
     * nothing and checks that they exist ({@code listCollections}, {@code listIndexes}), failing with a
     * {@code BackendException} naming each missing collection and index; for an account without index creation
     * whose collections a DBA made (README, "Privileges").
     */
    public MongoConfig withCreateIndexes(boolean create) {
        return new MongoConfig(uri, database, writeConcern, readConcern, timeout, gcGrace, listeners, tls, create);
    }

    /** See {@link #withCreateIndexes(boolean)}. */
    public boolean createIndexes() {
        return createIndexes;
    }

    /** Whether the connection string switches TLS on ({@code tls=true} or {@code ssl=true}, or {@code mongodb+srv://}). */
    public boolean tlsEnabled() {
        return isTls(uri);
    }

    static boolean isTls(ConnectionString uri) {
        Boolean enabled = uri.getSslEnabled();
        return enabled != null ? enabled : uri.isSrvProtocol();
    }

    /** The TLS trust and key stores (the JVM's default trust and no client certificate unless set). */
    public TlsStores tls() {
        return tls;
    }

    /** Whether the connection string allows a server certificate that does not name the host ({@code tlsAllowInvalidHostnames}). */
    boolean invalidHostNamesAllowed() {
        return Boolean.TRUE.equals(uri.getSslInvalidHostnameAllowed());
    }

    public String database() {
        return database;
    }

    public WriteConcern writeConcern() {
        return writeConcern;
    }

    public ReadConcern readConcern() {
        return readConcern;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Added to every garbage-collection date ({@code expiresAt}, which the TTL monitor reads): it absorbs the
     * difference between this JVM's clock, which computes those dates, and the server's clock, which judges
     * expiry. See the README.
     */
    public Duration gcGrace() {
        return gcGrace;
    }

    /**
     * The driver settings: the connection string's own options, then this configuration's timeouts and, with TLS,
     * the TLS context of the stores (read now).
     *
     * @throws IllegalArgumentException naming a store that cannot be read (never its password)
     */
    MongoClientSettings clientSettings() {
        long millis = timeout.toMillis();
        MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(uri)
                .writeConcern(writeConcern).readConcern(readConcern)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) Math.min(millis, Integer.MAX_VALUE),
                        TimeUnit.MILLISECONDS).readTimeout((int) Math.min(millis, Integer.MAX_VALUE),
                        TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(pool -> pool.maxWaitTime(millis, TimeUnit.MILLISECONDS));
        listeners.forEach(builder::addCommandListener);
        if (tlsEnabled() && !tls.isJvmDefault()) {
            // host name verification stays the driver's: on unless the URI says tlsAllowInvalidHostnames=true
            javax.net.ssl.SSLContext context = tls.sslContext();
            builder.applyToSslSettings(ssl -> ssl.enabled(true).context(context));
        }
        return builder.build();
    }

    /** Never shows the connection string, which may hold a password. */
    @Override
    public String toString() {
        return "MongoConfig[hosts=" + uri.getHosts() + ", database=" + database + ", writeConcern=" + writeConcern
                + ", readConcern=" + readConcern.getLevel() + ", timeout=" + timeout + ", tls="
                + (tlsEnabled() ? tls + (invalidHostNamesAllowed() ? ", host names not verified" : "") : "off")
                + (createIndexes ? "" : ", indexes checked, not created") + "]";
    }
}
