package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several named stores on different backends in one application, routing, and which stores connect when. */
class NamedStoresTest {

    private TcpServer server;
    private final Map<String, String> properties = new HashMap<>();

    @BeforeEach
    void twoBackends() {
        server = new TcpServer();
        properties.put("gogoscope.store.default.backend", "memory");
        properties.put("gogoscope.store.orders.backend", "tcp");
        properties.put("gogoscope.store.orders.tcp.address", server.address());
        properties.put("gogoscope.store.orders.key-prefix", "orders:");
        properties.put("gogoscope.store.fast.backend", "memory");
        properties.put("gogoscope.store.fast.memory.shared", "false");
        properties.put("gogoscope.cache.store", "fast");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void eachQualifiedBeanComesFromItsOwnStoreAndBackend() {
        try (Boot boot = Boot.start(properties, RoutingUser.class)) {
            RoutingUser app = boot.bean(RoutingUser.class);
            assertThat(app.orders.backend()).isEqualTo("tcp");
            assertThat(app.orders.keyPrefix()).isEqualTo("orders:");
            assertThat(app.fast.backend()).isEqualTo("memory");
            assertThat(app.defaultAdapter.backend()).isEqualTo("memory");

            String key = "order-" + System.nanoTime();
            assertThat(app.orderLocks.acquire(key, Duration.ofSeconds(30))).isPresent();
            // the same key is free in the default store: the stores do not share locks
            assertThat(app.locks.acquire(key, Duration.ofSeconds(30))).isPresent();
            assertThat(app.orderLocks.acquire(key, Duration.ofSeconds(30))).isEmpty();
        }
    }

    @Test
    void anUnqualifiedProviderFollowsItsRoutingProperty() {
        try (Boot boot = Boot.start(properties, RoutingUser.class)) {
            RoutingUser app = boot.bean(RoutingUser.class);
            String key = "routed-" + System.nanoTime();
            app.cache.set(key, "v");
            assertThat(app.fastCache.get(key, String.class)).contains("v");
            assertThat(app.defaultCache.get(key, String.class)).isEmpty();
        }
    }

    @Test
    void onlyUsedStoresConnectAtStartupAndOthersOnFirstLookup() {
        properties.put("gogoscope.store.spare.backend", "tcp");
        properties.put("gogoscope.store.spare.tcp.address", server.address());
        int before = TcpAdapterFactory.CONNECTED.get();
        try (Boot boot = Boot.start(properties, RoutingUser.class)) {
            assertThat(TcpAdapterFactory.CONNECTED.get()).as("orders connected, spare not").isEqualTo(before + 1);
            LockProvider spare = boot.container().select(LockProvider.class, Store.Literal.of("spare")).get();
            assertThat(spare.acquire("spare-" + System.nanoTime(), Duration.ofSeconds(5))).isPresent();
            assertThat(TcpAdapterFactory.CONNECTED.get()).as("spare connected on first use").isEqualTo(before + 2);
        }
        assertThat(TcpAdapterFactory.CONNECTED.get()).isEqualTo(before);
    }

    @Test
    void anyInstanceMakesEveryKnownStoreUsed() {
        properties.put("gogoscope.store.spare.backend", "tcp");
        properties.put("gogoscope.store.spare.tcp.address", server.address());
        int before = TcpAdapterFactory.CONNECTED.get();
        try (Boot boot = Boot.start(properties, AnyStoreUser.class)) {
            assertThat(TcpAdapterFactory.CONNECTED.get()).as("orders and spare").isEqualTo(before + 2);
            AnyStoreUser app = boot.bean(AnyStoreUser.class);
            assertThat(app.locks.select(Store.Literal.of("orders")).get()
                    .acquire("any-" + System.nanoTime(), Duration.ofSeconds(5))).isPresent();
        }
        assertThat(TcpAdapterFactory.CONNECTED.get()).isEqualTo(before);
    }

    @Test
    void aRoutingPropertyUnderItsFormerNameStillRoutesWithAWarning() {
        properties.put("gogoscope.locks.store", "orders");
        try (LogRecords log = LogRecords.of(GogoscopeExtension.class);
                Boot boot = Boot.start(properties, RoutingUser.class)) {
            RoutingUser app = boot.bean(RoutingUser.class);
            String key = "former-" + System.nanoTime();
            assertThat(app.locks.acquire(key, Duration.ofSeconds(30))).isPresent();
            assertThat(app.orderLocks.acquire(key, Duration.ofSeconds(30))).as("the same store").isEmpty();
            assertThat(log.messages()).contains("GOGO-0503: Property gogoscope.locks.store is now called "
                    + "gogoscope.lock.store; please rename it (the old name still works)");
        }
    }

    @Test
    void aMisspelledPropertyIsReportedNamingTheClosestOne() {
        properties.put("gogoscope.store.orders.key-prefx", "typo:");
        properties.put("gogoscope.store.fast.jdbc.url", "jdbc:sqlite:x.db");
        properties.put("gogoscope.lock.stor", "orders");
        try (LogRecords log = LogRecords.of(GogoscopeExtension.class);
                Boot boot = Boot.start(properties, RoutingUser.class)) {
            assertThat(log.messages()).contains(
                    "GOGO-0502: Property gogoscope.lock.stor is set but read by nothing; did you mean "
                            + "gogoscope.lock.store?",
                    "GOGO-0502: Property gogoscope.store.orders.key-prefx is set but read by nothing for backend "
                            + "'tcp'; did you mean gogoscope.store.orders.key-prefix?",
                    "GOGO-0502: Property gogoscope.store.fast.jdbc.url is set but read by nothing for backend "
                            + "'memory' (is the module that reads it missing from the deployment?)");
            assertThat(log.messages()).as("properties that are read are not reported")
                    .noneMatch(m -> m.contains("tcp.address") || m.contains("gogoscope.cache.store")
                            || m.contains("memory.shared"));
        }
    }
}
