package org.gogoscope.redis;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisSentineled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Where and how an adapter connects: a standalone server ({@code redis://} or {@code rediss://} URI), a
 * Sentinel-managed master, or a Cluster; whether it keeps the cache index; and whether a lock grant waits for
 * replicas. Immutable; the {@code with*} methods return modified copies. Every adapter opens its own client and
 * pool from it.
 */
public final class RedisClientConfig {

    /** The topology. */
    public enum Mode { STANDALONE, SENTINEL, CLUSTER }

    /** Default pool size per server. */
    public static final int DEFAULT_POOL_SIZE = 16;
    /** Default connect and socket timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** Default longest wait for replicas, when a grant waits for them. */
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMillis(500);

    private final Mode mode;
    private final URI uri;
    private final Set<HostAndPort> nodes;
    private final String masterName;
    private final String user;
    private final String password;
    private final int database;
    private final int poolSize;
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final boolean cacheIndex;
    private final int waitReplicas;
    private final Duration waitTimeout;
    /** How TLS connections are made; {@code null}: no TLS anywhere. */
    private final RedisTls tls;
    /** TLS to the data nodes (the standalone server, the Sentinel's master, every Cluster node). */
    private final boolean dataTls;
    /** TLS to the sentinels; {@code null}: as to the data nodes. */
    private final Boolean sentinelTls;

    private RedisClientConfig(Mode mode, URI uri, Set<HostAndPort> nodes, String masterName, String user,
            String password, int database, int poolSize, Duration connectTimeout, Duration socketTimeout,
            boolean cacheIndex, int waitReplicas, Duration waitTimeout, RedisTls tls, boolean dataTls,
            Boolean sentinelTls) {
        if (waitReplicas > 0 && waitTimeout.multipliedBy(2).compareTo(socketTimeout) > 0) {
            // the reply to WAIT comes after the wait plus the network and the script: leave it the other half
            throw new IllegalArgumentException("waitTimeout must be at most half the socket timeout (" + socketTimeout
                    .toMillis() + " ms), was " + waitTimeout.toMillis() + " ms");
        }
        this.mode = mode;
        this.uri = uri;
        this.nodes = nodes;
        this.masterName = masterName;
        this.user = user;
        this.password = password;
        this.database = database;
        this.poolSize = poolSize;
        this.connectTimeout = connectTimeout;
        this.socketTimeout = socketTimeout;
        this.cacheIndex = cacheIndex;
        this.waitReplicas = waitReplicas;
        this.waitTimeout = waitTimeout;
        this.tls = tls;
        this.dataTls = dataTls;
        this.sentinelTls = sentinelTls;
    }

    /** A standalone server, e.g. {@code redis://127.0.0.1:6379/0} or {@code rediss://user:pw@host:6380}. */
    public static RedisClientConfig standalone(String uri) {
        URI parsed;
        try {
            parsed = URI.create(Objects.requireNonNull(uri, "uri"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("uri is not a valid URI", e);
        }
        if (!JedisURIHelper.isValid(parsed)
                || !(JedisURIHelper.isRedisScheme(parsed) || JedisURIHelper.isRedisSSLScheme(parsed))) {
            throw new IllegalArgumentException("uri must look like redis://host:port[/db] or rediss://host:port");
        }
        boolean ssl = JedisURIHelper.isRedisSSLScheme(parsed);
        return new RedisClientConfig(Mode.STANDALONE, parsed, Set.of(), null, JedisURIHelper.getUser(parsed),
                JedisURIHelper.getPassword(parsed), JedisURIHelper.getDBIndex(parsed), DEFAULT_POOL_SIZE,
                DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, true, 0, DEFAULT_WAIT_TIMEOUT, ssl ? RedisTls.jvmDefaults() : null,
                ssl, null);
    }

    /** A Redis Cluster reached through any of {@code seedNodes}. */
    public static RedisClientConfig cluster(Collection<HostAndPort> seedNodes) {
        return new RedisClientConfig(Mode.CLUSTER, null, nonEmpty("seedNodes", seedNodes), null, null, null, 0,
                DEFAULT_POOL_SIZE, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, true, 0, DEFAULT_WAIT_TIMEOUT, null, false, null);
    }

    /** The master {@code masterName} as reported by any of {@code sentinels}. */
    public static RedisClientConfig sentinel(String masterName, Collection<HostAndPort> sentinels) {
        if (masterName == null || masterName.isBlank()) {
            throw new IllegalArgumentException("masterName must not be null or blank");
        }
        return new RedisClientConfig(Mode.SENTINEL, null, nonEmpty("sentinels", sentinels), masterName, null, null,
                0, DEFAULT_POOL_SIZE, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, true, 0, DEFAULT_WAIT_TIMEOUT, null, false, null);
    }

    /** Credentials for the data nodes (for Sentinel: for the master; sentinels are reached without). */
    public RedisClientConfig withCredentials(String newUser, String newPassword) {
        return new RedisClientConfig(mode, uri, nodes, masterName, newUser, newPassword, database, poolSize,
                connectTimeout, socketTimeout, cacheIndex, waitReplicas, waitTimeout, tls, dataTls, sentinelTls);
    }

    /** The logical database (standalone and Sentinel only). */
    public RedisClientConfig withDatabase(int newDatabase) {
        RedisProperties.DATABASE.check("database", newDatabase);
        return new RedisClientConfig(mode, uri, nodes, masterName, user, password, newDatabase, poolSize,
                connectTimeout, socketTimeout, cacheIndex, waitReplicas, waitTimeout, tls, dataTls, sentinelTls);
    }

    /** The most connections per server the adapter's pool opens. */
    public RedisClientConfig withPoolSize(int newPoolSize) {
        RedisProperties.POOL_SIZE.check("poolSize", newPoolSize);
        return new RedisClientConfig(mode, uri, nodes, masterName, user, password, database, newPoolSize,
                connectTimeout, socketTimeout, cacheIndex, waitReplicas, waitTimeout, tls, dataTls, sentinelTls);
    }

    /** Connect timeout and socket (read) timeout; also the longest wait for a pooled connection. */
    public RedisClientConfig withTimeouts(Duration connect, Duration socket) {
        return new RedisClientConfig(mode, uri, nodes, masterName, user, password, database, poolSize,
                RedisProperties.CONNECT_TIMEOUT.check("connectTimeout", connect),
                RedisProperties.TIMEOUT.check("socketTimeout", socket), cacheIndex, waitReplicas, waitTimeout, tls,
                dataTls, sentinelTls);
    }

    /**
     * Whether the adapter keeps an index of its prefix's cache keys (default), or lists them with {@code SCAN}
     * as go-go-scope's Node adapter does ({@code false}: for prefixes Node services also write).
     */
    public RedisClientConfig withCacheIndex(boolean newCacheIndex) {
        return new RedisClientConfig(mode, uri, nodes, masterName, user, password, database, poolSize,
                connectTimeout, socketTimeout, newCacheIndex, waitReplicas, waitTimeout, tls, dataTls, sentinelTls);
    }

    /**
     * Whether a lock grant or extension, and an idempotency claim, wait until {@code replicas} replicas of the
     * master acknowledged it ({@code WAIT}, sent in the same round trip as the script), for at most
     * {@code timeout}, which must be at most half the socket timeout. {@code 0} (the default) does not wait. A grant
     * or claim that fewer replicas acknowledged in time is released and the call fails with a
     * {@code BackendException}, as does such an extension (the handle then keeps its previous validity): a caller
     * never believes it holds a lock that a failover to an acknowledging replica would lose (see the module README,
     * "Failover and what a lock guarantees").
     */
    public RedisClientConfig withReplicaWait(int replicas, Duration timeout) {
        return new RedisClientConfig(mode, uri, nodes, masterName, user, password, database, poolSize,
                connectTimeout, socketTimeout, cacheIndex, RedisProperties.WAIT_REPLICAS.check("replicas", replicas),
                RedisProperties.WAIT_TIMEOUT.check("timeout", timeout), tls, dataTls, sentinelTls);
    }

    /**
     * TLS to the data nodes: the standalone server (as a {@code rediss://} URI does), every node of a Cluster, the
     * master of a Sentinel set, with {@code settings}' trust, client certificate and host name check;
     * {@code null} turns it off. The sentinels use TLS too unless {@link #withSentinelTls(boolean)} says otherwise;
     * {@link #withDataTls(boolean)} {@code false} keeps these settings for the sentinels only.
     */
    public RedisClientConfig withTls(RedisTls settings) {
        return new RedisClientConfig(mode, uri, nodes, masterName, user, password, database, poolSize,
                connectTimeout, socketTimeout, cacheIndex, waitReplicas, waitTimeout, settings, settings != null,
                sentinelTls);
    }

    /** Whether the data nodes are reached over TLS, with the settings of {@link #withTls(RedisTls)} (or the JVM's). */
    public RedisClientConfig withDataTls(boolean dataNodes) {
        return new RedisClientConfig(mode, uri, nodes, masterName, user, password, database, poolSize,
                connectTimeout, socketTimeout, cacheIndex, waitReplicas, waitTimeout, tls, dataNodes, sentinelTls);
    }

    /**
     * Whether the sentinels are reached over TLS (default: as the data nodes), with the settings of
     * {@link #withTls(RedisTls)}, or the JVM's defaults when TLS to the data nodes is off.
     */
    public RedisClientConfig withSentinelTls(boolean sentinels) {
        return new RedisClientConfig(mode, uri, nodes, masterName, user, password, database, poolSize,
                connectTimeout, socketTimeout, cacheIndex, waitReplicas, waitTimeout, tls, dataTls, sentinels);
    }

    /** Whether the data nodes are reached over TLS. */
    public boolean dataTls() {
        return dataTls;
    }

    /** Whether the sentinels are reached over TLS (Sentinel mode only; otherwise as {@link #dataTls()}). */
    public boolean sentinelTls() {
        return sentinelTls == null ? dataTls : sentinelTls;
    }

    /** The TLS settings in use where TLS is on ({@link RedisTls#jvmDefaults()} unless set). */
    public RedisTls tls() {
        return tls == null ? RedisTls.jvmDefaults() : tls;
    }

    public Mode mode() {
        return mode;
    }

    public int poolSize() {
        return poolSize;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration socketTimeout() {
        return socketTimeout;
    }

    public boolean cacheIndex() {
        return cacheIndex;
    }

    /** How many replicas must acknowledge a lock grant or extension or a claim; {@code 0}: none, no {@code WAIT}. */
    public int waitReplicas() {
        return waitReplicas;
    }

    /** The longest a grant, extension or claim waits for {@link #waitReplicas()} replicas. */
    public Duration waitTimeout() {
        return waitTimeout;
    }

    /** Opens the Jedis client of this configuration, with its own pool. */
    UnifiedJedis open() {
        boolean sentinels = mode == Mode.SENTINEL && sentinelTls();
        // read once per open: both roles share the stores' contents
        SSLSocketFactory sockets = dataTls || sentinels ? tls().socketFactory() : null;
        JedisClientConfig client = clientConfig(user, password, database, dataTls ? sockets : null);
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMinIdle(0);
        pool.setMaxWait(connectTimeout.plus(socketTimeout));
        pool.setJmxEnabled(false);
        return switch (mode) {
            case STANDALONE -> new JedisPooled(pool, JedisURIHelper.getHostAndPort(uri), client);
            case CLUSTER -> new JedisCluster(nodes, client, 5, pool);
            case SENTINEL -> new JedisSentineled(masterName, client, pool, nodes, sentinelClientConfig(sockets));
        };
    }

    /**
     * Pings every sentinel on a connection of its own; returns the first failure, or {@code null} if all answer.
     * Only to explain a failed connect: Jedis's Sentinel client logs why a sentinel failed but does not throw it.
     */
    RuntimeException probeSentinels() {
        RuntimeException first = null;
        JedisClientConfig config;
        try {
            config = sentinelClientConfig(sentinelTls() ? tls().socketFactory() : null);
        } catch (RuntimeException e) {
            return e;
        }
        for (HostAndPort sentinel : nodes) {
            try (Connection connection = new Connection(sentinel, config)) {
                connection.ping();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        return first;
    }

    /** The client configuration of the sentinels (no credentials, database 0); {@code sockets}: the TLS factory. */
    JedisClientConfig sentinelClientConfig(SSLSocketFactory sockets) {
        return clientConfig(null, null, 0, sentinelTls() ? sockets : null);
    }

    /** {@code sockets} {@code null}: plaintext; otherwise TLS with it and the host name check of {@link #tls()}. */
    private JedisClientConfig clientConfig(String clientUser, String clientPassword, int db, SSLSocketFactory sockets) {
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(Math.toIntExact(connectTimeout.toMillis()))
                .socketTimeoutMillis(Math.toIntExact(socketTimeout.toMillis()))
                .user(clientUser).password(clientPassword).database(db)
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        if (sockets != null) {
            // Jedis checks no host name by itself: endpoint identification makes the handshake do it
            builder.ssl(true).sslSocketFactory(sockets).sslParameters(tls().parameters());
        }
        return builder.build();
    }

    private static Set<HostAndPort> nonEmpty(String name, Collection<HostAndPort> nodes) {
        if (nodes == null || nodes.isEmpty() || nodes.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException(name + " must name at least one host:port and no null");
        }
        return Set.copyOf(new LinkedHashSet<>(nodes));
    }

    private String tlsText() {
        boolean sentinels = mode == Mode.SENTINEL && sentinelTls();
        if (!dataTls && !sentinels) {
            return "";
        }
        String where = dataTls && sentinels ? "data nodes and sentinels" : dataTls ? "data nodes" : "sentinels";
        return ", tls to " + where + " " + tls();
    }

    @Override
    public String toString() {
        String where = switch (mode) {
            case STANDALONE -> uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
            case CLUSTER -> "cluster " + nodes;
            case SENTINEL -> "sentinel " + masterName + "@" + nodes;
        };
        return "RedisClientConfig[" + where + ", poolSize=" + poolSize + ", cacheIndex=" + cacheIndex
                + (waitReplicas == 0 ? "" : ", waitReplicas=" + waitReplicas + " within " + waitTimeout.toMillis() + " ms")
                + tlsText()
                + ", password="
                + (password == null ? "none" : "<hidden>") + "]";
    }
}
