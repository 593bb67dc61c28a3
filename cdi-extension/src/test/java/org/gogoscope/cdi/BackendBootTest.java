package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/**
 * What every backend must do under the extension: boot from MicroProfile Config and inject working providers,
 * sit next to a memory store in one application, report readiness, and leave no thread or connection behind
 * after many boots. Keys are isolated by a key prefix unique to each test run.
 */
abstract class BackendBootTest {

    /** Unique per test class instance, so runs never see each other's entries on a shared server. */
    protected final String prefix = "cdi-test-" + UUID.randomUUID() + ":";

    /** The backend name as configured. */
    protected abstract String backend();

    /** The relative backend properties of one store (without {@code backend} and {@code key-prefix}). */
    protected abstract Map<String, String> connection(String store);

    /** The server port whose connections the leak check counts. */
    protected abstract int serverPort();

    /** What the leak check counts: this JVM's connections to {@link #serverPort()}. */
    protected int openConnections() {
        return ProcessSockets.establishedTo(serverPort());
    }

    /** Threads of a server the test runs in this JVM, not counted by the leak check. */
    protected Predicate<String> testServerThreads() {
        return name -> false;
    }

    /** Full properties for store {@code store} on this backend. */
    protected Map<String, String> store(String store) {
        Map<String, String> properties = new HashMap<>();
        properties.put("gogoscope.store." + store + ".backend", backend());
        properties.put("gogoscope.store." + store + ".key-prefix", prefix);
        connection(store).forEach((name, value) -> properties.put("gogoscope.store." + store + "." + name, value));
        return properties;
    }

    @Test
    void bootsFromConfigurationAndInjectsWorkingProviders() {
        try (Boot boot = Boot.start(store("default"), AllProviders.class)) {
            AllProviders app = boot.bean(AllProviders.class);
            assertThat(app.adapter.backend()).isEqualTo(backend());
            assertThat(app.adapter.keyPrefix()).isEqualTo(prefix);
            assertThat(app.adapter.isConnected()).isTrue();
            app.exercise();
        }
    }

    @Test
    void runsNextToAMemoryStoreInOneApplication() {
        Map<String, String> properties = new HashMap<>(store("orders"));
        properties.put("gogoscope.store.default.backend", "memory");
        properties.put("gogoscope.store.fast.backend", "memory");
        properties.put("gogoscope.lock.store", "orders");
        properties.put("gogoscope.cache.store", "orders");
        try (Boot boot = Boot.start(properties, AllProviders.class, RoutingUser.class)) {
            RoutingUser app = boot.bean(RoutingUser.class);
            assertThat(app.orders.backend()).isEqualTo(backend());
            assertThat(app.defaultAdapter.backend()).isEqualTo("memory");
            String key = "two-" + UUID.randomUUID();
            assertThat(app.locks.acquire(key, java.time.Duration.ofSeconds(30))).as("routed to " + backend()).isPresent();
            assertThat(app.orderLocks.acquire(key, java.time.Duration.ofSeconds(30))).as("same store").isEmpty();
            assertThat(app.defaultAdapter.locks().acquire(key, java.time.Duration.ofSeconds(30)))
                    .as("memory store is separate").isPresent();
            app.cache.set(key, "on-" + backend());
            assertThat(app.defaultCache.get(key, String.class)).isEmpty();
            app.cache.delete(key);
            boot.bean(AllProviders.class).exercise();
        }
    }

    @Test
    void reportsReadinessWithBackendAndLatency() {
        try (Boot boot = Boot.start(store("default"), AllProviders.class)) {
            List<HealthCheckResponse> responses = boot.container().select(HealthCheck.class, Readiness.Literal.INSTANCE)
                    .stream().map(HealthCheck::call).toList();
            assertThat(responses).hasSize(1);
            assertThat(responses.get(0).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(responses.get(0).getData().orElseThrow()).containsEntry("backend", backend())
                    .containsEntry("reachable", true).containsKey("latencyMs");
        }
    }

    @Test
    void bootAndShutdownManyTimesLeaksNoThreadOrConnection() throws InterruptedException {
        int seen = LeakCheck.assertNoLeaks(store("default"), this::openConnections, testServerThreads());
        assertThat(seen).as("the count sees the store's connections while it is up").isPositive();
    }
}
