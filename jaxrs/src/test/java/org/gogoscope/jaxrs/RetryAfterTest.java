package org.gogoscope.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void roundsUpAndStaysWithinOneToFiveSeconds() {
        assertThat(RetryAfter.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RetryAfter.seconds(Duration.ofMillis(1000))).isEqualTo(1);
        assertThat(RetryAfter.seconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(RetryAfter.seconds(Duration.ofMillis(2500))).isEqualTo(3);
        assertThat(RetryAfter.seconds(Duration.ofSeconds(5))).isEqualTo(5);
        assertThat(RetryAfter.seconds(Duration.ofMinutes(10))).isEqualTo(RetryAfter.MAX_SECONDS);
        assertThat(RetryAfter.seconds(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(RetryAfter.MAX_SECONDS);
    }

    @Test
    void anExpiredOrMissingBoundGivesTheMinimum() {
        assertThat(RetryAfter.seconds(Duration.ZERO)).isEqualTo(1);
        assertThat(RetryAfter.seconds(Duration.ofSeconds(-30))).isEqualTo(1);
        assertThat(RetryAfter.seconds((Duration) null)).isEqualTo(1);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(RetryAfter.seconds(now, null)).isEqualTo(1);
        assertThat(RetryAfter.seconds(now, now.minusSeconds(3))).isEqualTo(1);
    }

    @Test
    void fromInstants() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(RetryAfter.seconds(now, now.plusMillis(2200))).isEqualTo(3);
        assertThat(RetryAfter.seconds(now, now.plusSeconds(3600))).isEqualTo(5);
    }
}
