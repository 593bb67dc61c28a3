package org.gogoscope.core.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BreakerSettingsTest {

    private static final Duration ZERO = Duration.ZERO;
    private static final Duration ONE = Duration.ofSeconds(1);

    @Test
    void theBoundsAreAccepted() {
        BreakerSettings settings = new BreakerSettings("cb:x", ZERO, 1, 0, 1, ZERO, ZERO);
        assertThat(settings.volume()).isEqualTo(1);
        assertThat(new BreakerSettings("cb:x", ONE, 4, 4, 3, ONE, ONE).threshold()).isEqualTo(4);
    }

    @Test
    void aSettingOutOfRangeIsRejectedByName() {
        assertThatThrownBy(() -> new BreakerSettings(" ", ONE, 4, 2, 1, ZERO, ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("breaker name must not be blank, was  ");
        assertThatThrownBy(() -> new BreakerSettings("cb:x", ONE.negated(), 4, 2, 1, ZERO, ONE))
                .hasMessage("breaker cb:x: delay must be >= 0, was PT-1S");
        assertThatThrownBy(() -> new BreakerSettings("cb:x", ONE, 0, 0, 1, ZERO, ONE))
                .hasMessage("breaker cb:x: volume must be >= 1, was 0");
        assertThatThrownBy(() -> new BreakerSettings("cb:x", ONE, 4, 5, 1, ZERO, ONE))
                .hasMessage("breaker cb:x: threshold must be between 0 and the volume 4, was 5");
        assertThatThrownBy(() -> new BreakerSettings("cb:x", ONE, 4, -1, 1, ZERO, ONE))
                .hasMessage("breaker cb:x: threshold must be between 0 and the volume 4, was -1");
        assertThatThrownBy(() -> new BreakerSettings("cb:x", ONE, 4, 2, 0, ZERO, ONE))
                .hasMessage("breaker cb:x: successThreshold must be >= 1, was 0");
        assertThatThrownBy(() -> new BreakerSettings("cb:x", ONE, 4, 2, 1, ONE.negated(), ONE))
                .hasMessage("breaker cb:x: staleness must be >= 0, was PT-1S");
        assertThatThrownBy(() -> new BreakerSettings("cb:x", ONE, 4, 2, 1, ZERO, ONE.negated()))
                .hasMessage("breaker cb:x: probeLease must be >= 0, was PT-1S");
        assertThatThrownBy(() -> new BreakerSettings("cb:x", null, 4, 2, 1, ZERO, ONE))
                .isInstanceOf(NullPointerException.class).hasMessage("breaker cb:x: delay");
    }
}
