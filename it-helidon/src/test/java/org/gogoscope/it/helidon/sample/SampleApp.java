package org.gogoscope.it.helidon.sample;

import io.helidon.microprofile.server.ServerCdiExtension;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.gogoscope.it.helidon.MapConfigSource;

/**
 * A tiny Helidon MP application using the library, started in JVM mode ({@code java -cp ... SampleApp}): the
 * JAX-RS resource {@link Tickets} with {@code @Idempotent} and {@code @Locked} on a SQLite store, and the store's
 * readiness check on Helidon's {@code /health/ready}. Its configuration is the classpath resource named by system
 * property {@code sample.config} (default {@code sample-app.properties}) under system properties, so one
 * classpath serves the application and its misconfigured twin ({@code SampleAppIT}). The beans are given to the
 * container here rather than discovered, because the test classes it lives among are no bean archive. Prints
 * {@code SAMPLE-READY port=<port>} once it serves; a failed start prints the cause and exits with status 1.
 */
public final class SampleApp {

    private SampleApp() {
    }

    public static void main(String[] args) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        Config config = resolver.getBuilder().addDefaultSources().addDiscoveredSources().addDiscoveredConverters()
                .withSources(resource(System.getProperty("sample.config", "sample-app.properties")))
                .forClassLoader(loader).build();
        resolver.registerConfig(config, loader);
        try {
            SeContainer container = SeContainerInitializer.newInstance().addBeanClasses(Tickets.class).initialize();
            int port = container.getBeanManager().getExtension(ServerCdiExtension.class).port();
            System.out.println("SAMPLE-READY port=" + port);
        } catch (RuntimeException e) {
            System.err.println("SAMPLE-FAILED " + e);
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                System.err.println("  caused by " + cause);
            }
            System.exit(1);
        }
    }

    /** A classpath properties file as a config source at ordinal 200: above the defaults, below system properties. */
    private static ConfigSource resource(String name) {
        Properties properties = new Properties();
        try (InputStream in = SampleApp.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + name + " (system property sample.config)");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return new MapConfigSource(name, values, 200);
    }
}
