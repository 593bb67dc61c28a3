package org.gogoscope.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gogoscope.testsupport.IsolatedClassPath;
import org.junit.jupiter.api.Test;

/**
 * An application that packages this module on a server whose OpenTelemetry API is not visible to it (telemetry not
 * configured) still deploys: the container reads the producer, which answers no telemetry, and the stores work.
 */
class WithoutTheApiTest {

    @Test
    void theApplicationDeploysAndItsStoresWorkWithoutTheOpenTelemetryApi() throws Exception {
        assertThat(IsolatedClassPath.run("/io/opentelemetry/", WithoutTheApiTest.class, "deployWithoutTheApi"))
                .isEqualTo("no OpenTelemetry API, the stores work");
    }

    /** Runs inside the isolated class loader. */
    static String deployWithoutTheApi() {
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry");
            return "the OpenTelemetry API is still visible";
        } catch (ClassNotFoundException expected) {
            // as intended
        }
        try (Container container = new Container(Map.of("gogoscope.store.default.backend", "memory"),
                Orders.class)) {
            container.bean(Orders.class).work();
            return "no OpenTelemetry API, the stores work";
        }
    }
}
