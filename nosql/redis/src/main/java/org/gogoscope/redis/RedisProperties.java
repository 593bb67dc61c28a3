package org.gogoscope.redis;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.gogoscope.core.config.Property;
import org.gogoscope.core.tls.TlsStoreProperties;
import org.gogoscope.core.config.PropertySet;

/** The store properties of the Redis backend, read once by {@link RedisAdapterFactory}. */
public final class RedisProperties implements PropertySet {

    private static final Set<String> REDIS = Set.of("redis");
    /** Jedis takes timeouts as an int of milliseconds. */
    private static final Duration JEDIS_LIMIT = Duration.ofMillis(Integer.MAX_VALUE);

    public static final Property<String> URI = Property.text("redis.uri").backends(REDIS)
            .defaultValue(RedisAdapterFactory.DEFAULT_URI, "`" + RedisAdapterFactory.DEFAULT_URI + "`")
            .meaning("Standalone server: `redis://[user:password@]host:port[/db]` or `rediss://` (TLS). Credentials in "
                    + "it are never shown. At most one of `redis.uri`, `redis.cluster-nodes`, `redis.sentinel.master`.");

    public static final Property<String> CLUSTER_NODES = Property.text("redis.cluster-nodes").backends(REDIS)
            .meaning("Comma-separated `host:port` seeds of a Redis Cluster.");

    public static final Property<String> SENTINEL_MASTER = Property.text("redis.sentinel.master").backends(REDIS)
            .meaning("Sentinel master name; needs `redis.sentinel.nodes`.");

    public static final Property<String> SENTINEL_NODES = Property.text("redis.sentinel.nodes").backends(REDIS)
            .defaultShown("required with `redis.sentinel.master`")
            .meaning("Comma-separated `host:port` of the sentinels.");

    public static final Property<String> USER = Property.text("redis.user").backends(REDIS)
            .meaning("ACL user.");

    public static final Property<String> PASSWORD = Property.secret("redis.password").backends(REDIS)
            .meaning("Password (never shown).");

    public static final Property<Integer> DATABASE = Property.integer("redis.database").backends(REDIS)
            .defaultValue(0, "`0`").must(n -> n >= 0, ">= 0")
            .meaning("Database number (standalone and Sentinel only; a Cluster has database 0).");

    public static final Property<Integer> POOL_SIZE = Property.integer("redis.pool-size").backends(REDIS)
            .defaultValue(RedisClientConfig.DEFAULT_POOL_SIZE, "`" + RedisClientConfig.DEFAULT_POOL_SIZE + "`")
            .must(n -> n >= 1, ">= 1")
            .meaning("Connections per pool (per node in a Cluster).");

    public static final Property<Duration> TIMEOUT = Property.duration("timeout").backends(REDIS)
            .defaultValue(RedisClientConfig.DEFAULT_TIMEOUT, "`2s`")
            .must(Property.between(Duration.ofMillis(1), JEDIS_LIMIT), "between 1ms and 24 days")
            .meaning("Socket timeout of every command (and the connect timeout unless `redis.connect-timeout`).");

    public static final Property<Duration> CONNECT_TIMEOUT = Property.duration("redis.connect-timeout").backends(REDIS)
            .defaultShown("`timeout`")
            .must(Property.between(Duration.ofMillis(1), JEDIS_LIMIT), "between 1ms and 24 days")
            .meaning("Connect timeout.");

    public static final Property<Boolean> CACHE_INDEX = Property.bool("redis.cache-index").backends(REDIS)
            .defaultValue(Boolean.TRUE, "`true`")
            .meaning("Keep an index of the cache keys per prefix, so that listing and clearing by pattern read only "
                    + "the matching range instead of scanning the whole server. `false`: no index, `SCAN` as "
                    + "go-go-scope's Node adapter does; needed where Node services write cache entries of the same "
                    + "prefix (they would be missing from the index). Set it alike on every node of a prefix.");

    public static final Property<Integer> WAIT_REPLICAS = Property.integer("redis.wait-replicas").backends(REDIS)
            .defaultValue(0, "`0`").must(n -> n >= 0, ">= 0")
            .meaning("Replicas that must acknowledge a lock grant or extension, or an idempotency claim (`WAIT`, "
                    + "pipelined with the script: still one round trip) before it counts. A grant or claim that fewer "
                    + "acknowledge within `redis.wait-timeout` is released and the call fails (`BackendException`); "
                    + "such an extension fails and the lock keeps its previous expiry. `0`: no wait, a failover can "
                    + "lose a grant. On a Cluster: replicas of the key's shard.");

    public static final Property<Duration> WAIT_TIMEOUT = Property.duration("redis.wait-timeout").backends(REDIS)
            .defaultValue(RedisClientConfig.DEFAULT_WAIT_TIMEOUT, "`500ms`")
            .must(Property.between(Duration.ofMillis(1), JEDIS_LIMIT), "between 1ms and 24 days")
            .meaning("Longest wait for `redis.wait-replicas`; at most half of `timeout` (the reply to `WAIT` must "
                    + "arrive within the socket timeout). Refused acquires and claims wait too: the `WAIT` is sent "
                    + "before the reply is known.");

    public static final Property<Boolean> TLS = Property.bool("redis.tls").backends(REDIS)
            .defaultShown("`true` for a `rediss://` URI, else `false`")
            .meaning("TLS to the data nodes: the standalone server, every Cluster node, a Sentinel set's master. The "
                    + "server's certificate must chain to `redis.tls.trust-store` (else the JVM's default trust) and, "
                    + "with `redis.tls.verify-hostname`, name the host connected to.");

    public static final Property<Boolean> SENTINEL_TLS = Property.bool("redis.sentinel.tls").backends(REDIS)
            .defaultShown("`redis.tls`")
            .meaning("TLS to the sentinels (same stores and host name check as the data nodes).");

    public static final Property<String> TLS_TRUST_STORE = Property.text("redis.tls.trust-store").backends(REDIS)
            .defaultShown("the JVM's default trust")
            .meaning("File of the certificates trusted to sign the servers' certificates (the CA of a managed "
                    + "Redis): PKCS12, JKS or PEM, see `redis.tls.trust-store-type`. Read on each connect.");

    public static final Property<String> TLS_TRUST_STORE_PASSWORD = Property.secret("redis.tls.trust-store-password")
            .backends(REDIS).meaning("Password of the trust store, if it has one (never shown).");

    public static final Property<String> TLS_TRUST_STORE_TYPE = Property.oneOf("redis.tls.trust-store-type", "pkcs12",
            "jks", "pem").backends(REDIS).defaultValue("pkcs12", "`pkcs12`")
            .meaning("`pem`: one or more X.509 certificates, PEM or DER.");

    public static final Property<String> TLS_KEY_STORE = Property.text("redis.tls.key-store").backends(REDIS)
            .defaultShown("none")
            .meaning("File of the client certificate and its private key, for servers that ask for one "
                    + "(`tls-auth-clients`): PKCS12 or JKS. Read on each connect.");

    public static final Property<String> TLS_KEY_STORE_PASSWORD = Property.secret("redis.tls.key-store-password")
            .backends(REDIS).meaning("Password of the key store and of its key (never shown).");

    public static final Property<String> TLS_KEY_STORE_TYPE = Property.oneOf("redis.tls.key-store-type", "pkcs12",
            "jks").backends(REDIS).defaultValue("pkcs12", "`pkcs12`").meaning("Type of `redis.tls.key-store`.");

    /** The six store properties above, as core reads them. */
    static final TlsStoreProperties TLS_STORES = new TlsStoreProperties(TLS_TRUST_STORE, TLS_TRUST_STORE_PASSWORD,
            TLS_TRUST_STORE_TYPE, TLS_KEY_STORE, TLS_KEY_STORE_PASSWORD, TLS_KEY_STORE_TYPE);

    public static final Property<Boolean> TLS_VERIFY_HOSTNAME = Property.bool("redis.tls.verify-hostname")
            .backends(REDIS).defaultValue(Boolean.TRUE, "`true`")
            .meaning("Refuse a server certificate that does not name the host connected to (its IP address or "
                    + "DNS name in the subject alternative names), as reported by the sentinels or the Cluster for "
                    + "the nodes they name. `false` checks the chain only.");

    @Override
    public String module() {
        return "gogoscope-redis";
    }

    @Override
    public List<Property<?>> properties() {
        return List.of(URI, CLUSTER_NODES, SENTINEL_MASTER, SENTINEL_NODES, USER, PASSWORD, DATABASE, POOL_SIZE,
                TIMEOUT, CONNECT_TIMEOUT, CACHE_INDEX, WAIT_REPLICAS, WAIT_TIMEOUT, TLS, SENTINEL_TLS, TLS_TRUST_STORE,
                TLS_TRUST_STORE_PASSWORD, TLS_TRUST_STORE_TYPE, TLS_KEY_STORE, TLS_KEY_STORE_PASSWORD, TLS_KEY_STORE_TYPE,
                TLS_VERIFY_HOSTNAME);
    }
}
