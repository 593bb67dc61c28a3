package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/** One readiness check per store, with backend, reachability and latency. */
class ReadinessCheckTest {

    @Test
    void everyStoreReportsItsBackendReachabilityAndLatency() {
        try (TcpServer server = new TcpServer()) {
            Map<String, String> properties = new HashMap<>();
            properties.put("gogoscope.store.orders.backend", "tcp");
            properties.put("gogoscope.store.orders.tcp.address", server.address());
            properties.put("gogoscope.store.fast.backend", "memory");
            try (Boot boot = Boot.start(properties, OrdersUser.class, AllProviders.class)) {
                List<HealthCheckResponse> responses = readiness(boot);
                assertThat(responses).extracting(HealthCheckResponse::getName).containsExactlyInAnyOrder(
                        "gogoscope-store-default", "gogoscope-store-fast", "gogoscope-store-orders");
                for (HealthCheckResponse response : responses) {
                    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
                    Map<String, Object> data = response.getData().orElseThrow();
                    assertThat(data.get("reachable")).isEqualTo(true);
                    assertThat((Long) data.get("latencyMs")).isGreaterThanOrEqualTo(0L);
                    assertThat(data.get("backend"))
                            .isEqualTo(response.getName().endsWith("orders") ? "tcp" : "memory");
                }
            }
        }
    }

    @Test
    void anUnreachableStoreIsDownWithTheReasonAndNoSecret() {
        Map<String, String> properties = new HashMap<>();
        // "spare" is configured but nothing injects it, so the deployment does not connect it
        properties.put("gogoscope.store.spare.backend", "tcp");
        properties.put("gogoscope.store.spare.tcp.address", TcpServer.deadAddress());
        properties.put("gogoscope.store.spare.tcp.password", "pw-never-shown");
        try (Boot boot = Boot.start(properties, AllProviders.class)) {
            HealthCheckResponse spare = readiness(boot).stream()
                    .filter(r -> r.getName().equals("gogoscope-store-spare")).findFirst().orElseThrow();
            assertThat(spare.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            Map<String, Object> data = spare.getData().orElseThrow();
            assertThat(data).containsEntry("reachable", false).containsEntry("backend", "tcp");
            assertThat((String) data.get("error")).contains("could not connect").doesNotContain("pw-never-shown");
        }
    }

    private static List<HealthCheckResponse> readiness(Boot boot) {
        return boot.container().select(HealthCheck.class, Readiness.Literal.INSTANCE).stream()
                .map(HealthCheck::call).toList();
    }
}
