package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.api.Store;
import org.junit.jupiter.api.Test;

class MemoryBootTest {

    @Test
    void withNoConfigurationAtAllTheDefaultStoreIsTheEmbeddedMemoryBackend() {
        try (Boot boot = Boot.start(Map.of(), AllProviders.class)) {
            AllProviders app = boot.bean(AllProviders.class);
            assertThat(app.adapter.backend()).isEqualTo("memory");
            assertThat(app.adapter.isConnected()).isTrue();
            assertThat(app.adapter.keyPrefix()).isEmpty();
            app.exercise();
        }
    }

    @Test
    void explicitMemoryStoreWithKeyPrefix() {
        try (Boot boot = Boot.start(Map.of("gogoscope.store.default.backend", "memory",
                "gogoscope.store.default.key-prefix", "app1:"), AllProviders.class)) {
            AllProviders app = boot.bean(AllProviders.class);
            assertThat(app.adapter.keyPrefix()).isEqualTo("app1:");
            app.exercise();
        }
    }

    @Test
    void everyProviderBeanComesFromTheSameConnectedAdapter() {
        try (Boot boot = Boot.start(Map.of(), AllProviders.class)) {
            AllProviders app = boot.bean(AllProviders.class);
            String key = "shared-" + System.nanoTime();
            var handle = app.locks.acquire(key, Duration.ofSeconds(30));
            assertThat(handle).isPresent();
            assertThat(app.adapter.locks().acquire(key, Duration.ofSeconds(30))).isEmpty();
            handle.get().release();
            // programmatic lookup, with and without the qualifier, gives the same store
            LockProvider byLookup = boot.container().select(LockProvider.class, Store.Literal.of("default")).get();
            assertThat(byLookup.acquire(key, Duration.ofSeconds(30))).isPresent();
            assertThat(boot.container().select(PersistenceAdapter.class).get().locks()
                    .acquire(key, Duration.ofSeconds(30))).isEmpty();
        }
    }

    @Test
    void theAdapterIsDisconnectedWhenTheContainerShutsDown() {
        LockProvider real;
        try (Boot boot = Boot.start(Map.of("gogoscope.store.default.backend", "memory"), AllProviders.class)) {
            // the bean is a client proxy; locks() of the adapter behind it is the adapter's own provider
            real = boot.bean(AllProviders.class).adapter.locks();
            assertThat(real.acquire("before-shutdown-" + System.nanoTime(), Duration.ofSeconds(5))).isPresent();
        }
        assertThatThrownBy(() -> real.acquire("after-shutdown", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not connected");
    }
}
