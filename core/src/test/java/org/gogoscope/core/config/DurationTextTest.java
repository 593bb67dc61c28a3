package org.gogoscope.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one duration syntax every property takes. */
class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "2s, PT2S", "10m, PT10M", "10min, PT10M", "1h, PT1H", "1d, PT24H", "5, PT5S",
        "PT0.5S, PT0.5S", "pt5s, PT5S", "P1D, PT24H", "' 250 ms ', PT0.25S", "2S, PT2S", "0, PT0S", "-5s, PT-5S"})
    void acceptsWhatMicroProfileUsersWrite(String text, String iso) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "5 seconds", "1.5s", "ms", "5w", "P", "99999999999999999999s"})
    void refusesTheRestNamingTheSyntax(String text) {
        assertThatThrownBy(() -> DurationText.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"PT0.25S, 250ms", "PT5S, 5s", "PT2M, 2m", "PT1H, 1h", "PT48H, 2d", "PT0S, 0s", "PT1.0005S, PT1.0005S"})
    void formatsAsUsersWriteIt(String iso, String text) {
        assertThat(DurationText.format(Duration.parse(iso))).isEqualTo(text);
        assertThat(DurationText.parse(text)).isEqualTo(Duration.parse(iso));
    }
}
