package org.gogoscope.telemetry;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A Weld SE container as a server would make it: bean archives discovered by their {@code META-INF/beans.xml} (this
 * module's classes are one, so {@link TelemetryProducer} is found that way), extensions by
 * {@code META-INF/services}, plus the test's own bean classes; {@code properties} is its whole MicroProfile Config.
 */
final class Container implements AutoCloseable {

    private final WeldContainer weld;
    private final SmallRyeConfig config;

    Container(Map<String, String> properties, Class<?>... beans) {
        config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        ConfigProviderResolver.instance().registerConfig(config, loader());
        try {
            weld = new Weld("telemetry-" + System.nanoTime()).addBeanClasses(beans)
                    .property("org.jboss.weld.executor.threadPoolType", "NONE").initialize();
        } catch (RuntimeException | Error e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
    }

    <T> T bean(Class<T> type) {
        return weld.select(type).get();
    }

    @Override
    public void close() {
        try {
            weld.shutdown();
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }

    private static ClassLoader loader() {
        return Thread.currentThread().getContextClassLoader();
    }
}
