package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.gogoscope.core.config.CoreProperties;
import org.gogoscope.core.spi.AdapterFactory;
import org.junit.jupiter.api.Test;

/** Each configuration mistake fails the boot with a message naming the property and the value it got. */
class ConfigurationErrorTest {

    private static String bootFailure(Map<String, String> properties, Class<?>... beans) {
        Throwable[] failure = new Throwable[1];
        assertThatThrownBy(() -> {
            try (Boot boot = Boot.start(properties, beans)) {
                // reaching this line means the configuration was accepted
            }
        }).satisfies(e -> failure[0] = e).hasMessageContaining("go-go-scope configuration has");
        return Boot.messages(failure[0]);
    }

    @Test
    void unknownBackendListsTheKnownOnes() {
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "postgress"), AllProviders.class);
        assertThat(message).contains("GOGO-0109: go-go-scope configuration has 1 problem:")
                .contains("1. GOGO-0103: Unknown backend 'postgress' in gogoscope.store.default.backend")
                .contains("known backends: mariadb, memory, mongodb, mysql, postgresql, redis, sqlite, tcp");
    }

    /**
     * The two texts that name backends by hand (they cannot be discovered: they tell which jar serves a backend
     * that is not on the class path) name every backend this class path serves, so a new dialect or backend that
     * forgets them fails here: the unknown-backend hint, and the {@code backend} property's description.
     */
    @Test
    void theHandWrittenBackendListsNameEveryBackendOnTheClassPath() {
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "postgress"), AllProviders.class);
        String hint = message.substring(message.indexOf("(a backend is known when"));
        hint = hint.substring(0, hint.indexOf(')') + 1);
        int backends = 0;
        for (AdapterFactory factory : ServiceLoader.load(AdapterFactory.class)) {
            for (String backend : factory.backends()) {
                if (backend.equals("tcp")) { // this module's test backend
                    continue;
                }
                backends++;
                assertThat(CoreProperties.BACKEND.meaning()).contains("`" + backend + "`");
                if (!backend.equals("memory")) { // in core: always on the class path
                    assertThat(hint).contains(backend);
                }
            }
        }
        assertThat(backends).as("backends on this test class path").isEqualTo(7);
    }

    @Test
    void namedStoreWithoutBackendNamesThePropertyAndTheInjectionPoint() {
        String message = bootFailure(Map.of("gogoscope.store.fast.backend", "memory"), OrdersUser.class);
        assertThat(message).contains("GOGO-0101: Missing required property gogoscope.store.orders.backend for store 'orders'")
                .contains("@Store(\"orders\") LockProvider at org.gogoscope.cdi.OrdersUser.orderLocks");
    }

    @Test
    void routingToAStoreWithoutConfigurationNamesTheRoutingProperty() {
        String message = bootFailure(Map.of("gogoscope.cache.store", "fast"), AllProviders.class);
        assertThat(message).contains("Missing required property gogoscope.store.fast.backend")
                .contains("gogoscope.cache.store='fast'");
    }

    @Test
    void invalidStoreNameInRoutingProperty() {
        String message = bootFailure(Map.of("gogoscope.lock.store", "my store"), AllProviders.class);
        assertThat(message).contains("GOGO-0104: Invalid store name 'my store' in gogoscope.lock.store='my store'");
    }

    @Test
    void defaultStoreWithPropertiesButNoBackendIsNotSilentlyMemory() {
        String message = bootFailure(Map.of("gogoscope.store.default.key-prefix", "app:"), AllProviders.class);
        assertThat(message).contains("Missing required property gogoscope.store.default.backend");
    }

    @Test
    void missingRequiredBackendProperty() {
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "tcp"), AllProviders.class);
        assertThat(message).contains("Missing required property gogoscope.store.default.tcp.address");
    }

    @Test
    void invalidBackendPropertyValue() {
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "tcp",
                "gogoscope.store.default.tcp.address", "nonsense"), AllProviders.class);
        assertThat(message).contains("Invalid gogoscope.store.default.tcp.address: expected host:port, was 'nonsense'");
    }

    @Test
    void unreachableServerNamesTheConnectionPropertiesButNoSecret() {
        String dead = TcpServer.deadAddress();
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "tcp",
                "gogoscope.store.default.tcp.address", dead,
                "gogoscope.store.default.tcp.password", "s3cr3t-pw"), AllProviders.class);
        assertThat(message).contains("Store 'default' (gogoscope.store.default.backend='tcp') could not connect")
                .contains("gogoscope.store.default.tcp.address='" + dead + "'")
                .contains("gogoscope.store.default.tcp.password=<hidden>")
                .doesNotContain("s3cr3t-pw");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "postgress",
                "gogoscope.store.fast.backend", "tcp", "gogoscope.lock.store", "bad/name"), OrdersUser.class);
        assertThat(message).contains("go-go-scope configuration has 4 problems:")
                .contains("Invalid store name 'bad/name' in gogoscope.lock.store")
                .contains("Unknown backend 'postgress' in gogoscope.store.default.backend")
                .contains("Missing required property gogoscope.store.fast.tcp.address")
                .contains("Missing required property gogoscope.store.orders.backend");
    }

    @Test
    void aFailedDeploymentDisconnectsTheStoresItHadConnected() {
        try (TcpServer server = new TcpServer()) {
            int before = TcpAdapterFactory.CONNECTED.get();
            Map<String, String> properties = new HashMap<>();
            properties.put("gogoscope.store.fast.backend", "tcp");
            properties.put("gogoscope.store.fast.tcp.address", server.address());
            properties.put("gogoscope.store.orders.backend", "tcp");
            properties.put("gogoscope.store.orders.tcp.address", TcpServer.deadAddress());
            String message = bootFailure(properties, OrdersUser.class);
            assertThat(message).contains("Store 'orders' (gogoscope.store.orders.backend='tcp') could not connect");
            assertThat(TcpAdapterFactory.CONNECTED.get()).isEqualTo(before);
        }
    }

    @Test
    void invalidCacheDefaultTtl() {
        String message = bootFailure(Map.of("gogoscope.store.default.backend", "memory",
                "gogoscope.store.default.cache.default-ttl", "soon"), AllProviders.class);
        assertThat(message).contains("Invalid gogoscope.store.default.cache.default-ttl: expected a duration")
                .contains("was 'soon'");
    }

    @Test
    void aRoutingPropertyUnderItsFormerNameMustNotContradictTheNewName() {
        String message = bootFailure(Map.of("gogoscope.locks.store", "a", "gogoscope.lock.store", "b"),
                AllProviders.class);
        assertThat(message).contains("GOGO-0105: Both gogoscope.lock.store and its former name gogoscope.locks.store"
                + " are set, to different values");
    }
}
