package org.gogoscope.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keys, holders and messages come from backends and requests: the page must never let one become markup. */
class HtmlTest {

    @Test
    void everyCharacterThatCouldOpenMarkupOrCloseAnAttributeIsEscaped() {
        assertThat(Html.esc("<script>alert('x')</script> & \"k\"")).isEqualTo(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;k&quot;");
        assertThat(Html.hidden("key", "a\"><img src=x>")).isEqualTo(
                "<input type=\"hidden\" name=\"key\" value=\"a&quot;&gt;&lt;img src=x&gt;\">");
        assertThat(Html.esc(null)).isEmpty();
    }

    @Test
    void queryValuesAreEncodedWhole() {
        assertThat(Html.query("a&b=c d/é")).isEqualTo("a%26b%3Dc+d%2F%C3%A9");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(Html.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Html.duration(Duration.ofMillis(4_250))).isEqualTo("4.3 s");
        assertThat(Html.duration(Duration.ofMinutes(12))).isEqualTo("12 min");
        assertThat(Html.duration(Duration.ofMinutes(185))).isEqualTo("3 h 5 min");
    }
}
