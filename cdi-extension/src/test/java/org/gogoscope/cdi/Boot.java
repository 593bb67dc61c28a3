package org.gogoscope.cdi;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A Weld SE container with the given bean classes, booted with exactly {@code properties} as its MicroProfile
 * Config (registered for the thread context class loader until {@link #close()}). Extensions are found
 * through their {@code META-INF/services} entries, as in an application server.
 */
final class Boot implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final WeldContainer container;
    private final SmallRyeConfig config;

    private Boot(WeldContainer container, SmallRyeConfig config) {
        this.container = container;
        this.config = config;
    }

    static Boot start(Map<String, String> properties, Class<?>... beans) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        ConfigProviderResolver.instance().registerConfig(config, loader());
        try {
            Weld weld = new Weld("gogoscope-test-" + IDS.incrementAndGet()).disableDiscovery().addBeanClasses(beans)
                    // no bootstrap thread pool: thread counts before and after a boot stay comparable
                    .property("org.jboss.weld.executor.threadPoolType", "NONE");
            // Weld SE reads META-INF/services only with discovery on; load them the way a container does
            ServiceLoader.load(Extension.class, loader()).forEach(weld::addExtension);
            return new Boot(weld.initialize(), config);
        } catch (RuntimeException | Error e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
    }

    /** The messages of {@code error} and all its causes and suppressed exceptions, one per line. */
    static String messages(Throwable error) {
        List<String> lines = new ArrayList<>();
        collect(error, lines, 0);
        return String.join("\n", lines);
    }

    private static void collect(Throwable error, List<String> lines, int depth) {
        if (error == null || depth > 20) {
            return;
        }
        lines.add(error.getClass().getName() + ": " + error.getMessage());
        for (Throwable suppressed : error.getSuppressed()) {
            collect(suppressed, lines, depth + 1);
        }
        collect(error.getCause(), lines, depth + 1);
    }

    WeldContainer container() {
        return container;
    }

    <T> T bean(Class<T> type) {
        return container.select(type).get();
    }

    @Override
    public void close() {
        try {
            container.shutdown();
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }

    private static ClassLoader loader() {
        return Thread.currentThread().getContextClassLoader();
    }
}
