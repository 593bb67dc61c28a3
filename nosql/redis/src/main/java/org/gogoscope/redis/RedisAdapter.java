package org.gogoscope.redis;

import java.util.Map;
import java.util.function.Supplier;
import org.gogoscope.api.BackendException;
import org.gogoscope.core.StorageAdapter;
import org.gogoscope.core.storage.CacheStorage;
import org.gogoscope.core.storage.Storages;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisBroadcastException;

/**
 * The Redis backend ({@code redis}) on Jedis: one implementation for a standalone server, a Sentinel-managed
 * master and a Cluster. Every check-then-act is one Lua script run atomically on the server with the server's
 * clock; {@link RedisKeys} documents the key layout. Cache keys are indexed per prefix
 * ({@link RedisIndexedCacheStorage}), unless the configuration turns that off for prefixes shared with
 * go-go-scope's Node adapter ({@link RedisScannedCacheStorage}). Each adapter opens its own client and pool on
 * {@link #connect()}, which also checks that the server answers.
 */
public final class RedisAdapter extends StorageAdapter {

    /** Keys up to this many characters, prefix included. */
    public static final int MAX_KEY_LENGTH = 1024;

    private final RedisClientConfig config;
    private final Supplier<UnifiedJedis> clients;
    private final RedisKeys keys;
    private volatile RedisClient client;

    /**
     * @param config where to connect
     * @param keyPrefix prepended to every application key
     */
    public RedisAdapter(RedisClientConfig config, String keyPrefix) {
        this(requireConfig(config), config::open, keyPrefix);
    }

    /** An adapter whose client comes from {@code clients} (tests: instrumented connections). */
    RedisAdapter(RedisClientConfig config, Supplier<UnifiedJedis> clients, String keyPrefix) {
        super("redis", keyPrefix, MAX_KEY_LENGTH);
        this.config = config;
        this.clients = clients;
        this.keys = new RedisKeys(keyPrefix);
    }

    private static RedisClientConfig requireConfig(RedisClientConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        return config;
    }

    /** The connection settings. */
    public RedisClientConfig config() {
        return config;
    }

    @Override
    protected Storages open() {
        RedisClient opened;
        try {
            opened = new RedisClient(clients.get());
        } catch (RuntimeException e) {
            throw connectFailure(e);
        }
        try {
            opened.call(j -> j.ping());
            if (!config.cacheIndex()) {
                // entries written from now on are not indexed: an adapter with the index re-indexes once
                String marker = keys.cacheIndexed();
                opened.call(j -> j.del(marker));
            }
        } catch (RuntimeException e) {
            opened.close();
            throw connectFailure(e);
        }
        client = opened;
        CacheStorage cache = config.cacheIndex() ? new RedisIndexedCacheStorage(opened, keys)
                : new RedisScannedCacheStorage(opened, keys);
        return new Storages(new RedisLockStorage(opened, keys, config.waitReplicas(),
                config.waitTimeout().toMillis()), new RedisCircuitStorage(opened, keys), cache,
                new RedisCheckpointStorage(opened, keys), new RedisIdempotencyStorage(opened, keys,
                config.waitReplicas(), config.waitTimeout().toMillis()));
    }

    /**
     * The exception a failed connect throws: a {@link BackendException} that says what to fix when the cause is TLS
     * (or plaintext sent to a TLS port), or names the root cause and address when the server could not be reached
     * ("connection refused to 127.0.0.1:6380"), else {@code e} itself (which {@code connect()} wraps as for any failure).
     * Jedis's Sentinel client only logs why it could not ask any sentinel; then the sentinels are asked again, one
     * connection each, to find a TLS cause.
     */
    private RuntimeException connectFailure(RuntimeException e) {
        if (e instanceof BackendException) {
            return e;
        }
        if (e instanceof IllegalArgumentException) { // a trust or key store that cannot be read (now)
            return new BackendException("redis", "connect", e.getMessage(), e);
        }
        String detail = config.dataTls() ? RedisConnectFailures.tlsConnect(e) : RedisConnectFailures.tls(e);
        if (detail == null && config.mode() == RedisClientConfig.Mode.SENTINEL) {
            RuntimeException sentinels = config.probeSentinels();
            if (sentinels != null) {
                detail = config.sentinelTls() ? RedisConnectFailures.tlsConnect(sentinels)
                        : RedisConnectFailures.tls(sentinels);
                if (detail == null && !config.sentinelTls()) {
                    detail = RedisConnectFailures.plaintextToTls(sentinels);
                }
                if (detail != null) {
                    detail = "sentinels: " + detail;
                }
            }
        }
        if (detail == null && !config.dataTls()) {
            detail = RedisConnectFailures.plaintextToTls(e);
        }
        if (detail == null && e instanceof JedisBroadcastException broadcast) {
            // a Cluster's PING goes to every node; Jedis's own message names none of them
            for (Map.Entry<HostAndPort, Object> reply : broadcast.getReplies().entrySet()) {
                if (reply.getValue() instanceof Throwable failed) {
                    String tls = config.dataTls() ? RedisConnectFailures.tlsConnect(failed) : null;
                    detail = "node " + reply.getKey() + " failed: " + (tls != null ? tls : failed.getMessage());
                    break;
                }
            }
        }
        if (detail == null) {
            detail = RedisConnectFailures.unreachable(e);
        }
        return detail == null ? e : new BackendException("redis", "connect", detail, e);
    }

    @Override
    protected void close(Storages storages) {
        RedisClient open = client;
        client = null;
        if (open != null) {
            open.close();
        }
    }
}
