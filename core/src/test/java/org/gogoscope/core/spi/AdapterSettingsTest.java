package org.gogoscope.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.core.config.DurationText;
import org.gogoscope.core.config.Property;
import org.junit.jupiter.api.Test;

class AdapterSettingsTest {

    private final Map<String, String> values = Map.of("gogoscope.store.s.timeout", "250ms",
            "gogoscope.store.s.bad", "soon", "gogoscope.store.s.jdbc.password", "hunter2",
            "gogoscope.store.s.uri", "redis://user:pw@host:6379", "gogoscope.store.s.size", "x");
    private final AdapterSettings settings = AdapterSettings.forStore("s", k -> Optional.ofNullable(values.get(k)));

    @Test
    void durationsTakeUnitsOrIso() {
        assertThat(Property.duration("timeout").meaning("t").read(settings)).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThat(DurationText.parse("3m")).isEqualTo(Duration.ofMinutes(3));
        assertThat(Property.duration("unset").defaultValue(Duration.ofSeconds(1), "1s").meaning("u").read(settings))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void errorsNameTheFullPropertyAndTheValue() {
        assertThatThrownBy(() -> Property.duration("bad").meaning("b").read(settings))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.s.bad").hasMessageContaining("'soon'")
                .hasMessageStartingWith("GOGO-0102: ");
        assertThatThrownBy(() -> Property.integer("size").meaning("s").read(settings))
                .hasMessageContaining("gogoscope.store.s.size");
        assertThatThrownBy(() -> settings.require("jdbc.url")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.s.jdbc.url").hasMessageStartingWith("GOGO-0101: ")
                .satisfies(e -> assertThat(((ConfigurationException) e).property()).isEqualTo("gogoscope.store.s.jdbc.url"));
    }

    @Test
    void secretsAreNeverShown() {
        assertThat(settings.invalid("jdbc.password", "hunter2", "x", null)).message().doesNotContain("hunter2");
        assertThat(settings.invalid("uri", "redis://user:pw@host:6379", "x", null)).message().doesNotContain("pw");
    }
}
