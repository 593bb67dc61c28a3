package org.gogoscope.cdi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Readiness of one store: UP when one read ({@code cache().has(...)} of a key nothing writes) answers. The
 * response is named {@code gogoscope-store-<name>} and carries {@code store}, {@code backend},
 * {@code reachable}, {@code latencyMs} and, when down, {@code error} (secrets hidden).
 */
final class StoreReadinessCheck implements HealthCheck {

    private final String store;
    private final StoreRegistry registry;

    StoreReadinessCheck(String store, StoreRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        StoreRegistry.Probe probe = registry.probe(store);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("store", probe.store());
        data.put("backend", probe.backend());
        data.put("reachable", probe.reachable());
        data.put("latencyMs", probe.latencyMillis());
        if (probe.error() != null) {
            data.put("error", probe.error());
        }
        return new HealthCheckResponse("gogoscope-store-" + store,
                probe.reachable() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }
}
