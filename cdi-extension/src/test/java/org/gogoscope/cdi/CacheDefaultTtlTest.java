package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheDefaultTtlTest {

    @Test
    void setWithoutTtlUsesTheStoresDefaultTtl() throws InterruptedException {
        try (Boot boot = Boot.start(Map.of("gogoscope.store.default.backend", "memory",
                "gogoscope.store.default.cache.default-ttl", "150ms"), AllProviders.class)) {
            AllProviders app = boot.bean(AllProviders.class);
            String key = "ttl-" + System.nanoTime();
            app.cache.set(key, "short-lived");
            app.cache.set(key + "-kept", "kept", java.time.Duration.ofMinutes(1));
            assertThat(app.cache.get(key, String.class)).contains("short-lived");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (app.cache.has(key) && System.nanoTime() < deadline) {
                Thread.sleep(25);
            }
            assertThat(app.cache.has(key)).as("expired after the default TTL").isFalse();
            assertThat(app.cache.has(key + "-kept")).as("an explicit TTL wins").isTrue();
        }
    }

    @Test
    void withoutDefaultTtlSetKeepsTheValue() throws InterruptedException {
        try (Boot boot = Boot.start(Map.of(), AllProviders.class)) {
            AllProviders app = boot.bean(AllProviders.class);
            String key = "no-ttl-" + System.nanoTime();
            app.cache.set(key, "v");
            Thread.sleep(300);
            assertThat(app.cache.has(key)).isTrue();
            app.cache.delete(key);
        }
    }
}
