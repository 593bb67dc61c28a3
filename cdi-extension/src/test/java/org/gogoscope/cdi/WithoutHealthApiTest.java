package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gogoscope.testsupport.IsolatedClassPath;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Health is optional: in a class loader without its API the extension boots, serves the
 * providers and registers no health check.
 */
class WithoutHealthApiTest {

    @Test
    void bootsAndServesProvidersWhenTheHealthApiIsAbsent() throws Exception {
        assertThat(IsolatedClassPath.run("microprofile-health-api", WithoutHealthApiTest.class, "bootWithoutHealth"))
                .isEqualTo("no health api, memory, 0 health checks");
    }

    /** Runs inside the isolated class loader. */
    static String bootWithoutHealth() {
        try {
            Class.forName("org.eclipse.microprofile.health.HealthCheck");
            return "the health API is still visible";
        } catch (ClassNotFoundException expected) {
            // as intended
        }
        try (Boot boot = Boot.start(Map.of(), AllProviders.class)) {
            AllProviders app = boot.bean(AllProviders.class);
            app.exercise();
            long checks = boot.container().getBeanManager().getBeans(Object.class).stream()
                    .filter(bean -> bean.getTypes().stream().anyMatch(t -> t.getTypeName().contains("HealthCheck")))
                    .count();
            return "no health api, " + app.adapter.backend() + ", " + checks + " health checks";
        }
    }
}
