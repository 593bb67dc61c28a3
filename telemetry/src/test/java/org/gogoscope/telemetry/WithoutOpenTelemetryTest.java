package org.gogoscope.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.StorageAdapter;
import org.gogoscope.core.memory.MemoryAdapter;
import org.junit.jupiter.api.Test;

/**
 * Nothing changes where OpenTelemetry reports nothing (the no-op API, as when a server's MicroProfile Telemetry is
 * off): every store works as without this module, failures stay the store's own, and no span is left current.
 */
class WithoutOpenTelemetryTest {

    @Test
    void theStoresWorkOverTheNoopApi() {
        MemoryAdapter adapter = new MemoryAdapter("noop:");
        try (OpenTelemetryTelemetry telemetry = OpenTelemetryTelemetry.observe(adapter, "orders",
                OpenTelemetry.noop())) {
            adapter.connect();
            LockHandle handle = adapter.locks().acquire("job", Duration.ofMinutes(1), "a").orElseThrow();
            assertThat(adapter.locks().acquire("job", Duration.ofMinutes(1), "b")).isEmpty();
            assertThat(handle.release()).isTrue();
            adapter.cache().set("k", 42, Duration.ofMinutes(1));
            assertThat(adapter.cache().get("k", Integer.class)).contains(42);
            assertThat(adapter.idempotency().claim("op", "fp", Duration.ofMinutes(1), String.class))
                    .isInstanceOf(ClaimResult.Claimed.class);
            adapter.checkpoints().save(new Checkpoint<>("c1", "t", 1, Instant.now(), 10, "d", null));
            assertThat(adapter.checkpoints().loadLatest("t", String.class)).isPresent();
            telemetry.lockWaited("orders", "Jobs.run", 1, true);
            telemetry.breakerState("orders", "payments", () -> null);
            assertThat(Span.current().getSpanContext().isValid()).isFalse();
        } finally {
            adapter.disconnect();
        }
    }

    @Test
    void aFailureIsTheStoresOwnOverTheNoopApi() {
        StorageAdapter adapter = Storages.broken();
        OpenTelemetryTelemetry.observe(adapter, "orders", OpenTelemetry.noop());
        adapter.connect();
        assertThatThrownBy(() -> adapter.locks().acquire("job", Duration.ofMinutes(1)))
                .isInstanceOf(BackendException.class).hasMessageContaining("broken lock.acquire failed");
    }

    @Test
    void observeNamesWhatItCannotAttachTo() {
        PersistenceAdapter foreign = (PersistenceAdapter) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PersistenceAdapter.class}, (proxy, method, args) -> null);
        assertThatThrownBy(() -> OpenTelemetryTelemetry.observe(foreign, "orders", OpenTelemetry.noop()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("adapter must be one of the library's adapters (a StorageAdapter), was ");
        assertThatThrownBy(() -> OpenTelemetryTelemetry.observe(new MemoryAdapter(""), " ", OpenTelemetry.noop()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("storeName must not be blank");
        assertThatThrownBy(() -> new OpenTelemetryTelemetry(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("openTelemetry must not be null");
    }
}
