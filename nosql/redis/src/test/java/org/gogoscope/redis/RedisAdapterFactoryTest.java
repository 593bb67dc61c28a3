package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.spi.AdapterFactory;
import org.gogoscope.core.spi.AdapterSettings;
import org.junit.jupiter.api.Test;

/** Configuration of backend {@code redis} through the ServiceLoader-found factory. */
class RedisAdapterFactoryTest {

    private static AdapterSettings settings(Map<String, String> relative) {
        return AdapterSettings.forStore("orders",
                name -> Optional.ofNullable(relative.get(name.substring("gogoscope.store.orders.".length()))));
    }

    private static AdapterFactory factory() {
        return ServiceLoader.load(AdapterFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.backends().contains("redis")).findFirst().orElseThrow();
    }

    @Test
    void theFactoryIsFoundAndBuildsAWorkingStandaloneAdapter() {
        try (PersistenceAdapter adapter = factory().create("redis", settings(Map.of("redis.uri",
                RedisStandaloneConformanceTest.URI, "redis.pool-size", "3", "timeout", "750ms", "key-prefix",
                "factory-test:")))) {
            RedisClientConfig config = ((RedisAdapter) adapter).config();
            assertThat(config.mode()).isEqualTo(RedisClientConfig.Mode.STANDALONE);
            assertThat(config.poolSize()).isEqualTo(3);
            assertThat(config.socketTimeout()).isEqualTo(Duration.ofMillis(750));
            assertThat(adapter.keyPrefix()).isEqualTo("factory-test:");
            assertThat(config.cacheIndex()).as("redis.cache-index defaults to true").isTrue();
            adapter.connect();
            adapter.cache().set("k", "v", Duration.ofSeconds(5));
            assertThat(adapter.cache().get("k", String.class)).contains("v");
            assertThat(adapter.cache().delete("k")).isTrue();
        }
    }

    @Test
    void clusterAndSentinelSettingsSelectTheirTopology() {
        RedisAdapter cluster = (RedisAdapter) factory().create("redis",
                settings(Map.of("redis.cluster-nodes", "127.0.0.1:7000, 127.0.0.1:7001")));
        assertThat(cluster.config().mode()).isEqualTo(RedisClientConfig.Mode.CLUSTER);
        RedisAdapter sentinel = (RedisAdapter) factory().create("redis", settings(Map.of("redis.sentinel.master",
                "mymaster", "redis.sentinel.nodes", "127.0.0.1:26379", "redis.password", "s3cret")));
        assertThat(sentinel.config().mode()).isEqualTo(RedisClientConfig.Mode.SENTINEL);
        assertThat(sentinel.config().toString()).doesNotContain("s3cret");
    }

    @Test
    void cacheIndexFalseSelectsTheScanListingOfTheNodeAdapter() {
        RedisAdapter adapter = (RedisAdapter) factory().create("redis", settings(Map.of("redis.cache-index", "false")));
        assertThat(adapter.config().cacheIndex()).isFalse();
        assertThat(adapter.config().toString()).contains("cacheIndex=false");
        assertThatThrownBy(() -> factory().create("redis", settings(Map.of("redis.cache-index", "maybe"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.orders.redis.cache-index");
        assertThat(new RedisProperties().properties()).contains(RedisProperties.CACHE_INDEX);
    }

    @Test
    void waitReplicasDefaultsToNoWaitAndIsCheckedAgainstTheTimeout() {
        RedisAdapter plain = (RedisAdapter) factory().create("redis", settings(Map.of()));
        assertThat(plain.config().waitReplicas()).as("redis.wait-replicas defaults to 0").isZero();
        assertThat(plain.config().waitTimeout()).isEqualTo(Duration.ofMillis(500));
        RedisAdapter waiting = (RedisAdapter) factory().create("redis",
                settings(Map.of("redis.wait-replicas", "1", "redis.wait-timeout", "250ms")));
        assertThat(waiting.config().waitReplicas()).isEqualTo(1);
        assertThat(waiting.config().waitTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(waiting.config().toString()).contains("waitReplicas=1 within 250 ms");
        assertThatThrownBy(() -> factory().create("redis", settings(Map.of("redis.wait-replicas", "-1"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.orders.redis.wait-replicas");
        assertThatThrownBy(() -> factory().create("redis", settings(Map.of("redis.wait-timeout", "0ms"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.orders.redis.wait-timeout");
        assertThatThrownBy(() -> factory().create("redis",
                settings(Map.of("redis.wait-replicas", "1", "redis.wait-timeout", "1001ms", "timeout", "2s"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Invalid gogoscope.store.orders.redis.wait-timeout: expected at most half of "
                        + "gogoscope.store.orders.timeout (2000ms), was '1001ms'");
        assertThat(factory().create("redis",
                settings(Map.of("redis.wait-replicas", "1", "redis.wait-timeout", "1s", "timeout", "2s"))))
                .as("half the timeout is allowed").isNotNull();
        assertThat(factory().create("redis", settings(Map.of("redis.wait-timeout", "5s")))).as(
                "the timeout only matters when waiting").isNotNull();
        assertThat(new RedisProperties().properties()).contains(RedisProperties.WAIT_REPLICAS,
                RedisProperties.WAIT_TIMEOUT);
    }

    @Test
    void badSettingsNameTheFullPropertyAndHideSecrets() {
        assertThatThrownBy(() -> factory().create("redis", settings(Map.of("redis.pool-size", "0"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gogoscope.store.orders.redis.pool-size");
        assertThatThrownBy(() -> factory().create("redis", settings(Map.of("redis.cluster-nodes", "nohost"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.orders.redis.cluster-nodes");
        assertThatThrownBy(() -> factory().create("redis", settings(Map.of("redis.sentinel.master", "m"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.orders.redis.sentinel.nodes");
        assertThatThrownBy(() -> factory().create("redis",
                settings(Map.of("redis.uri", "redis://x:1", "redis.cluster-nodes", "x:2"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Set only one of");
        assertThatThrownBy(() -> factory().create("redis", settings(Map.of("redis.uri", "http://u:topsecret@h:1"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gogoscope.store.orders.redis.uri")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> factory().create("redis", settings(Map.of("timeout", "soon"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gogoscope.store.orders.timeout");
    }
}
