package org.gogoscope.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.spi.AdapterFactory;
import org.gogoscope.core.spi.AdapterSettings;
import redis.clients.jedis.HostAndPort;

/**
 * Backend {@code redis}. Relative properties (under {@code gogoscope.store.<name>.}): {@code redis.uri}
 * (standalone, default {@code redis://127.0.0.1:6379}), {@code redis.cluster-nodes} (comma-separated
 * {@code host:port}), {@code redis.sentinel.master} with {@code redis.sentinel.nodes}, {@code redis.user},
 * {@code redis.password}, {@code redis.database}, {@code redis.pool-size} (16), {@code timeout} (2s, connect
 * and socket), {@code redis.connect-timeout} (defaults to {@code timeout}) and {@code key-prefix}. At most one
 * of {@code redis.uri}, {@code redis.cluster-nodes} and {@code redis.sentinel.master} may be set.
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
        Optional<String> password = settings.get("redis.password");
        Optional<String> user = settings.get("redis.user");
        if (password.isPresent() || user.isPresent()) {
            config = config.withCredentials(user.orElse(null), password.orElse(null));
        }
        int database = settings.getInt("redis.database", 0);
        if (database != 0) {
            if (config.mode() == RedisClientConfig.Mode.CLUSTER) {
                throw settings.invalid("redis.database", Integer.toString(database), "0 (a Cluster has one database)",
                        null);
            }
            config = applying(settings, "redis.database", Integer.toString(database), config, database,
                    RedisClientConfig::withDatabase);
        }
        int poolSize = settings.getInt("redis.pool-size", RedisClientConfig.DEFAULT_POOL_SIZE);
        config = applying(settings, "redis.pool-size", Integer.toString(poolSize), config, poolSize,
                RedisClientConfig::withPoolSize);
        Duration timeout = settings.getDuration("timeout", RedisClientConfig.DEFAULT_TIMEOUT);
        Duration connect = settings.getDuration("redis.connect-timeout", timeout);
        config = applying(settings, "timeout", timeout.toString(), config, timeout,
                (c, t) -> c.withTimeouts(connect, t));
        try {
            return new RedisAdapter(config, settings.keyPrefix());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(settings.fullName("key-prefix"),
                    "Invalid " + settings.fullName("key-prefix") + ": " + e.getMessage(), e);
        }
    }

    private static RedisClientConfig topology(AdapterSettings settings) {
        Optional<String> uri = settings.get("redis.uri");
        Optional<String> cluster = settings.get("redis.cluster-nodes");
        Optional<String> master = settings.get("redis.sentinel.master");
        long chosen = (uri.isPresent() ? 1 : 0) + (cluster.isPresent() ? 1 : 0) + (master.isPresent() ? 1 : 0);
        if (chosen > 1) {
            throw new ConfigurationException(settings.fullName("redis.uri"), "Set only one of "
                    + settings.fullName("redis.uri") + ", " + settings.fullName("redis.cluster-nodes") + " and "
                    + settings.fullName("redis.sentinel.master") + " for store '" + settings.storeName() + "'");
        }
        if (cluster.isPresent()) {
            return RedisClientConfig.cluster(nodes(settings, "redis.cluster-nodes", cluster.get()));
        }
        if (master.isPresent()) {
            String sentinels = settings.require("redis.sentinel.nodes");
            return RedisClientConfig.sentinel(master.get(), nodes(settings, "redis.sentinel.nodes", sentinels));
        }
        String value = uri.orElse(DEFAULT_URI);
        try {
            return RedisClientConfig.standalone(value);
        } catch (IllegalArgumentException e) {
            throw settings.invalid("redis.uri", value, "redis://host:port[/db] or rediss://host:port", e);
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

    private static <T> RedisClientConfig applying(AdapterSettings settings, String name, String shown,
            RedisClientConfig config, T value, java.util.function.BiFunction<RedisClientConfig, T, RedisClientConfig> with) {
        try {
            return with.apply(config, value);
        } catch (IllegalArgumentException e) {
            throw settings.invalid(name, shown, e.getMessage(), e);
        }
    }
}
