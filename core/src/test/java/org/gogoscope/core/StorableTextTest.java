package org.gogoscope.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text every backend stores unchanged: no U+0000, no unpaired surrogates, in keys and in JSON values. */
class StorableTextTest {

    private final JsonCodec json = JsonCodec.defaultCodec();

    @Test
    void keysWithNulOrUnpairedSurrogatesAreRejectedNamingTheArgument() {
        KeySpace keys = new KeySpace("p:", 255);
        assertThatThrownBy(() -> keys.full("key", "a\u0000b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key").hasMessageContaining("U+0000").hasMessageContaining("index 1");
        assertThatThrownBy(() -> keys.full("key", "k\uD800")).hasMessageContaining("unpaired surrogate U+D800");
        assertThatThrownBy(() -> keys.full("key", "\uDC00k")).hasMessageContaining("unpaired surrogate U+DC00");
        assertThat(keys.full("key", "emoji \uD83D\uDE00")).isEqualTo("p:emoji \uD83D\uDE00");
    }

    @Test
    void valuesWithNulOrUnpairedSurrogatesAreRejectedButEscapedLookAlikesPass() {
        assertThatThrownBy(() -> json.toJson("value", "x\u0000y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value").hasMessageContaining("U+0000");
        assertThatThrownBy(() -> json.toJson("value", List.of("ok", "bad\uD800")))
                .hasMessageContaining("unpaired surrogate");
        String literal = json.toJson("value", "a backslash then u0000: \\u0000");
        assertThat(json.<String>fromJson("v", literal, String.class)).isEqualTo("a backslash then u0000: \\u0000");
        assertThat(JsonCodec.hasEscapedNul("\"\\\\u0000\"")).isFalse();
        assertThat(JsonCodec.hasEscapedNul("\"\\\\\\u0000\"")).isTrue();
    }

    @Test
    void globMatchingIsNotExponential() {
        KeyPattern pattern = new KeySpace("", 255).pattern("pattern", "*a*a*a*a*a*a*a*a*a*a*a*ab");
        // a hang guard, not a speed measurement: the regex this replaced needed hours for this input
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThat(pattern.matches("a".repeat(200))).isFalse();
            assertThat(pattern.matches("a".repeat(200) + "b")).isTrue();
        });
    }
}
