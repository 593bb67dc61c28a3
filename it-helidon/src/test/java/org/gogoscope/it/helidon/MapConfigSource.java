package org.gogoscope.it.helidon;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * An immutable map as a MicroProfile config source at {@code ordinal}: the test applications' configuration
 * ({@link Stores}) and the sample application's ({@code sample.SampleApp}).
 */
public record MapConfigSource(String name, Map<String, String> values, int ordinal) implements ConfigSource {

    public MapConfigSource {
        values = Map.copyOf(values);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }
}
