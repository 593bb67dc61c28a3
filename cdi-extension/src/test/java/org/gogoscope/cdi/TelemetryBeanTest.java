package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The deployment's {@code @ApplicationScoped} Telemetry bean is made once and reports every store operation,
 * the disconnect at shutdown included, which comes after the application context is gone: the stores hold the
 * bean's instance, so nothing creates it again then.
 */
class TelemetryBeanTest {

    @Test
    void theBeanIsCreatedOnceAndSeesTheDisconnectAtShutdown() {
        CountingTelemetry.CREATED.set(0);
        CountingTelemetry.OPERATIONS.clear();
        try (Boot boot = Boot.start(Map.of("gogoscope.store.default.backend", "memory"), CountingTelemetry.class,
                AllProviders.class)) {
            boot.bean(AllProviders.class).exercise();
        }
        assertThat(CountingTelemetry.CREATED).hasValue(1);
        assertThat(CountingTelemetry.OPERATIONS).startsWith("default connect").contains("default lock.acquire")
                .endsWith("default disconnect");
    }
}
