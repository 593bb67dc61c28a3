package org.gogoscope.interceptors;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.gogoscope.core.config.Property;
import org.gogoscope.interceptors.breaker.SharedBreakerConfigSource;

/** MicroProfile Config lookups of the interceptors, skipping {@link SharedBreakerConfigSource}. */
public final class MpConfig {

    private final Config config;

    private MpConfig(Config config) {
        this.config = config;
    }

    /** The configuration of the current deployment (the thread context class loader's, as the host uses). */
    public static MpConfig current() {
        return new MpConfig(ConfigProvider.getConfig());
    }

    /** The value of {@code name} from the highest-ordinal source other than the shared-breaker source. */
    public Optional<String> value(String name) {
        for (ConfigSource source : config.getConfigSources()) {
            if (SharedBreakerConfigSource.NAME.equals(source.getName())) {
                continue;
            }
            String value = source.getValue(name);
            if (value != null) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    /** {@code property}'s value, or its default. */
    public <T> T read(Property<T> property) {
        return property.read(this::value, warning -> { });
    }

    /** Global switch {@code gogoscope.circuit-breaker.shared}: share every {@code @CircuitBreaker}. */
    public boolean shareAll() {
        return read(InterceptorProperties.SHARED);
    }
}
