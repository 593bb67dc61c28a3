package org.gogoscope.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.gogoscope.api.ConfigurationException;
import org.junit.jupiter.api.Test;

class AdapterSettingsTest {

    private final Map<String, String> values = Map.of("gogoscope.store.s.timeout", "250ms",
            "gogoscope.store.s.bad", "soon", "gogoscope.store.s.jdbc.password", "hunter2",
            "gogoscope.store.s.uri", "redis://user:pw@host:6379", "gogoscope.store.s.size", "x");
    private final AdapterSettings settings = AdapterSettings.forStore("s", k -> Optional.ofNullable(values.get(k)));

    @Test
    void durationsTakeUnitsOrIso() {
        assertThat(settings.getDuration("timeout", Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.parseDuration("x", "PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.parseDuration("x", "3m")).isEqualTo(Duration.ofMinutes(3));
        assertThat(settings.getDuration("unset", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void errorsNameTheFullPropertyAndTheValue() {
        assertThatThrownBy(() -> settings.getDuration("bad", Duration.ZERO)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.s.bad").hasMessageContaining("'soon'");
        assertThatThrownBy(() -> settings.getInt("size", 1)).hasMessageContaining("gogoscope.store.s.size");
        assertThatThrownBy(() -> settings.require("jdbc.url")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.s.jdbc.url")
                .satisfies(e -> assertThat(((ConfigurationException) e).property()).isEqualTo("gogoscope.store.s.jdbc.url"));
    }

    @Test
    void secretsAreNeverShown() {
        assertThat(settings.invalid("jdbc.password", "hunter2", "x", null)).message().doesNotContain("hunter2");
        assertThat(settings.invalid("uri", "redis://user:pw@host:6379", "x", null)).message().doesNotContain("pw");
    }
}
