package org.gogoscope.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.MessageCode;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.config.CoreProperties;
import org.gogoscope.core.spi.AdapterFactory;
import org.gogoscope.core.spi.AdapterSettings;
import redis.clients.jedis.HostAndPort;

/**
 * Backend {@code redis}, configured by the {@link RedisProperties} relative to {@code gogoscope.store.<name>.}. At
 * most one of {@code redis.uri}, {@code redis.cluster-nodes} and {@code redis.sentinel.master} may be set.
 */
public final class RedisAdapterFactory implements AdapterFactory {

    static final String DEFAULT_URI = "redis://127.0.0.1:6379";

    @Override
    public Set<String> backends() {
        return Set.of("redis");
    }

    @Override
    public PersistenceAdapter create(String backend, AdapterSettings settings) {
        RedisClientConfig config = topology(settings);
        Optional<String> password = RedisProperties.PASSWORD.get(settings);
        Optional<String> user = RedisProperties.USER.get(settings);
        if (password.isPresent() || user.isPresent()) {
            config = config.withCredentials(user.orElse(null), password.orElse(null));
        }
        int database = RedisProperties.DATABASE.read(settings);
        if (database != 0) {
            if (config.mode() == RedisClientConfig.Mode.CLUSTER) {
                throw settings.invalid(RedisProperties.DATABASE.name(), Integer.toString(database),
                        "0 (a Cluster has one database)", null);
            }
            config = config.withDatabase(database);
        }
        Duration timeout = RedisProperties.TIMEOUT.read(settings);
        Duration connect = RedisProperties.CONNECT_TIMEOUT.get(settings).orElse(timeout);
        config = config.withPoolSize(RedisProperties.POOL_SIZE.read(settings)).withTimeouts(connect, timeout)
                .withCacheIndex(RedisProperties.CACHE_INDEX.read(settings));
        int waitReplicas = RedisProperties.WAIT_REPLICAS.read(settings);
        Duration waitTimeout = RedisProperties.WAIT_TIMEOUT.read(settings);
        if (waitReplicas > 0 && waitTimeout.multipliedBy(2).compareTo(timeout) > 0) {
            throw settings.invalid(RedisProperties.WAIT_TIMEOUT.name(), waitTimeout.toMillis() + "ms",
                    "at most half of " + settings.fullName(RedisProperties.TIMEOUT.name()) + " (" + timeout.toMillis()
                            + "ms)", null);
        }
        config = config.withReplicaWait(waitReplicas, waitTimeout);
        config = tls(settings, config);
        try {
            return new RedisAdapter(config, settings.keyPrefix());
        } catch (IllegalArgumentException e) {
            String property = settings.fullName(CoreProperties.KEY_PREFIX.name());
            throw new ConfigurationException(MessageCode.INVALID_VALUE, property,
                    "Invalid " + property + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code redis.tls} and {@code redis.sentinel.tls} with the stores; the stores are read once here, so that a
     * missing file or a wrong password is a configuration error at start-up (they are read again on each connect).
     */
    private static RedisClientConfig tls(AdapterSettings settings, RedisClientConfig config) {
        boolean rediss = config.dataTls(); // only a rediss:// URI turns it on before this point
        Optional<Boolean> tls = RedisProperties.TLS.get(settings);
        if (rediss && tls.isPresent() && !tls.get()) {
            throw new ConfigurationException(MessageCode.CONFLICTING_PROPERTIES,
                    settings.fullName(RedisProperties.TLS.name()), "Set either " + settings.fullName(
                            RedisProperties.TLS.name()) + "=false or a rediss:// " + settings.fullName(
                                    RedisProperties.URI.name()) + " (TLS) for store '" + settings.storeName() + "'");
        }
        boolean data = rediss || tls.orElse(false);
        Optional<Boolean> sentinels = RedisProperties.SENTINEL_TLS.get(settings);
        if (sentinels.isPresent() && config.mode() != RedisClientConfig.Mode.SENTINEL) {
            throw settings.invalid(RedisProperties.SENTINEL_TLS.name(), sentinels.get().toString(),
                    "no value without " + settings.fullName(RedisProperties.SENTINEL_MASTER.name()), null);
        }
        boolean verifyHostname = RedisProperties.TLS_VERIFY_HOSTNAME.read(settings);
        boolean anySet = data || sentinels.orElse(false);
        if (!anySet) {
            Optional<String> store = RedisProperties.TLS_STORES.anyStoreSet(settings);
            if (store.isPresent()) {
                // a store set for nothing: most likely redis.tls was forgotten, and the connection would be plaintext
                throw new ConfigurationException(MessageCode.MISSING_PROPERTY, settings.fullName(RedisProperties
                        .TLS.name()), settings.fullName(store.get()) + " is set but TLS is off for store '"
                        + settings.storeName() + "': set " + settings.fullName(RedisProperties.TLS.name())
                        + "=true (or use a rediss:// URI, or " + settings.fullName(RedisProperties.SENTINEL_TLS
                                .name()) + "=true)");
            }
            return config;
        }
        RedisTls settingsTls = RedisTls.of(RedisProperties.TLS_STORES.read(settings)).withVerifyHostname(verifyHostname);
        config = config.withTls(settingsTls).withDataTls(data);
        return sentinels.isPresent() ? config.withSentinelTls(sentinels.get()) : config;
    }

    private static RedisClientConfig topology(AdapterSettings settings) {
        Optional<String> uri = RedisProperties.URI.get(settings);
        Optional<String> cluster = RedisProperties.CLUSTER_NODES.get(settings);
        Optional<String> master = RedisProperties.SENTINEL_MASTER.get(settings);
        long chosen = (uri.isPresent() ? 1 : 0) + (cluster.isPresent() ? 1 : 0) + (master.isPresent() ? 1 : 0);
        if (chosen > 1) {
            throw new ConfigurationException(MessageCode.CONFLICTING_PROPERTIES, settings.fullName("redis.uri"),
                    "Set only one of " + settings.fullName("redis.uri") + ", " + settings.fullName("redis.cluster-nodes")
                            + " and " + settings.fullName("redis.sentinel.master") + " for store '"
                            + settings.storeName() + "'");
        }
        if (cluster.isPresent()) {
            return RedisClientConfig.cluster(nodes(settings, RedisProperties.CLUSTER_NODES.name(), cluster.get()));
        }
        if (master.isPresent()) {
            String sentinels = RedisProperties.SENTINEL_NODES.require(settings);
            return RedisClientConfig.sentinel(master.get(), nodes(settings, RedisProperties.SENTINEL_NODES.name(),
                    sentinels));
        }
        String value = uri.orElse(RedisProperties.URI.defaultValue());
        try {
            return RedisClientConfig.standalone(value);
        } catch (IllegalArgumentException e) {
            throw settings.invalid(RedisProperties.URI.name(), value, "redis://host:port[/db] or rediss://host:port", e);
        }
    }

    private static List<HostAndPort> nodes(AdapterSettings settings, String name, String value) {
        List<HostAndPort> nodes = new ArrayList<>();
        for (String part : value.split(",")) {
            String node = part.trim();
            int colon = node.lastIndexOf(':');
            try {
                if (colon <= 0) {
                    throw new IllegalArgumentException("no port");
                }
                int port = Integer.parseInt(node.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("port out of range");
                }
                nodes.add(new HostAndPort(node.substring(0, colon), port));
            } catch (IllegalArgumentException e) {
                throw settings.invalid(name, value, "a comma-separated list of host:port", e);
            }
        }
        return nodes;
    }
}
