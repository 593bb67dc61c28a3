package org.gogoscope.interceptors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.net.URI;
import java.util.UUID;
import java.util.function.Function;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.memory.MemoryAdapter;
import org.gogoscope.redis.RedisAdapter;
import org.gogoscope.redis.RedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.gogoscope.core.memory.MemoryBackend;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Weld SE containers acting as cluster nodes: every node started by one instance shares one
 * {@link MemoryBackend} (a fresh one per test) through {@link TestStores}. Register with
 * {@code @RegisterExtension}; containers shut down after each test and system properties set through
 * {@link #config} are removed.
 */
public final class Nodes implements AfterEachCallback {

    public static final String REDIS_URI = System.getProperty("redis.uri", "redis://127.0.0.1:6379");

    private final List<WeldContainer> started = new ArrayList<>();
    private final List<String> properties = new ArrayList<>();
    private final String prefix = "gi" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private final boolean redis;
    private final Function<String, PersistenceAdapter> adapters;

    /** Nodes on one fresh in-memory backend. */
    public Nodes() {
        MemoryBackend backend = new MemoryBackend();
        this.redis = false;
        this.adapters = p -> new MemoryAdapter(backend, p);
    }

    private Nodes(Function<String, PersistenceAdapter> adapters) {
        this.redis = true;
        this.adapters = adapters;
    }

    /** Nodes on the real Redis ({@code -Dredis.uri}), each with its own pool; keys removed after each test. */
    public static Nodes onRedis() {
        return new Nodes(p -> new RedisAdapter(RedisClientConfig.standalone(REDIS_URI).withPoolSize(4), p));
    }

    /** Sets MicroProfile Config properties (as system properties) for nodes started afterwards. */
    public Nodes config(Map<String, String> values) {
        values.forEach((k, v) -> {
            System.setProperty(k, v);
            properties.add(k);
        });
        return this;
    }

    /** Starts a node with {@code beans} and the test store producer. */
    public WeldContainer start(Class<?>... beans) {
        releaseConfig();
        TestStores.use(adapters, prefix);
        Weld weld = weld("node-").addBeanClasses(beans);
        WeldContainer container = weld.initialize();
        started.add(container);
        return container;
    }

    /** Boots {@code beans} expecting a deployment failure; returns the failure. */
    public static Throwable deploymentFailure(Class<?>... beans) {
        releaseConfig();
        Weld weld = weld("bad-").addBeanClasses(beans);
        try (WeldContainer container = weld.initialize()) {
            throw new AssertionError("deployment of " + List.of(beans) + " should have failed");
        } catch (RuntimeException e) {
            return e;
        }
    }

    /**
     * A synthetic archive with the test stores and the extensions a MicroProfile runtime has: MicroProfile
     * Config, SmallRye Fault Tolerance and ours (Weld SE loads no service extensions without discovery).
     */
    private static Weld weld(String name) {
        return new Weld(name + UUID.randomUUID()).disableDiscovery().addBeanClass(TestStores.class)
                .addExtension(new io.smallrye.config.inject.ConfigExtension())
                .addExtension(new io.smallrye.faulttolerance.FaultToleranceExtension())
                .addExtension(new GogoscopeInterceptorsExtension());
    }

    private void deleteRedisKeys() {
        try (JedisPooled jedis = new JedisPooled(URI.create(REDIS_URI))) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(prefix + "*").count(500));
                page.getResult().forEach(jedis::del);
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }

    private static void releaseConfig() {
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (WeldContainer container : started) {
            if (container.isRunning()) {
                container.shutdown();
            }
        }
        started.clear();
        properties.forEach(System::clearProperty);
        if (redis) {
            deleteRedisKeys();
        }
        properties.clear();
        releaseConfig();
    }
}
