package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Health is optional: in a class loader without its API the extension boots, serves the
 * providers and registers no health check.
 */
class WithoutHealthApiTest {

    @Test
    void bootsAndServesProvidersWhenTheHealthApiIsAbsent() throws Exception {
        List<URL> urls = new ArrayList<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.contains("microprofile-health-api")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        assertThat(urls).hasSizeGreaterThan(5);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> isolated.loadClass("org.eclipse.microprofile.health.HealthCheck"))
                    .isInstanceOf(ClassNotFoundException.class);
            Thread.currentThread().setContextClassLoader(isolated);
            Class<?> runner = isolated.loadClass(Runner.class.getName());
            Method run = runner.getDeclaredMethod("run");
            run.setAccessible(true);
            assertThat(run.invoke(null)).isEqualTo("memory, 0 health checks");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Runs inside the isolated class loader. */
    static final class Runner {
        static String run() {
            try (Boot boot = Boot.start(Map.of(), AllProviders.class)) {
                AllProviders app = boot.bean(AllProviders.class);
                app.exercise();
                long checks = boot.container().getBeanManager().getBeans(Object.class).stream()
                        .filter(bean -> bean.getTypes().stream().anyMatch(t -> t.getTypeName().contains("HealthCheck")))
                        .count();
                return app.adapter.backend() + ", " + checks + " health checks";
            }
        }
    }
}
