package org.gogoscope.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void theStandardMembersComeFirstThenRetryAfterThenTheExtensionsInOrder() {
        Problem problem = Problem.of("lock-not-acquired", "Lock held by another call", 409, "GOGO-0302: held")
                .retryAfter(3).with("code", "GOGO-0302").with("key", "order-42").with("fencingToken", 17L)
                .with("replayed", false).with("holder", null);
        assertThat(problem.toJson()).isEqualTo("{\"type\":\"urn:gogoscope:problem:lock-not-acquired\","
                + "\"title\":\"Lock held by another call\",\"status\":409,\"detail\":\"GOGO-0302: held\","
                + "\"retryAfter\":3,\"code\":\"GOGO-0302\",\"key\":\"order-42\",\"fencingToken\":17,"
                + "\"replayed\":false,\"holder\":null}");
    }

    @Test
    void stringsAreEscapedAsJsonRequires() {
        String hostile = "a\"b\\c\nd\re\tf\bg\fh\u0000i\u001fj\u2028k\u2029l/ü€😀";
        String json = Problem.of("x", "t", 400, hostile).with("k\"ey", "v").toJson();
        assertThat(json).contains("\"detail\":\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0000i\\u001fj\\u2028k\\u2029l/ü€😀\"")
                .contains("\"k\\\"ey\":\"v\"");
        // no raw control character survives
        assertThat(json.chars().noneMatch(c -> c < 0x20)).isTrue();
    }

    @Test
    void aMissingDetailIsLeftOut() {
        assertThat(Problem.of("x", "t", 503, null).toJson())
                .isEqualTo("{\"type\":\"urn:gogoscope:problem:x\",\"title\":\"t\",\"status\":503}");
    }

    @Test
    void numbersJsonCannotHoldBecomeNull() {
        assertThat(Problem.of("x", "t", 500, null).with("a", Double.NaN).with("b", Float.POSITIVE_INFINITY)
                .with("c", 1.5).toJson()).endsWith("\"a\":null,\"b\":null,\"c\":1.5}");
    }

    @Test
    void extensionsCannotReplaceStandardMembersOrHoldObjects() {
        Problem problem = Problem.of("x", "t", 500, null);
        for (String name : new String[] {"type", "title", "status", "detail", "instance", "retryAfter"}) {
            assertThatThrownBy(() -> problem.with(name, "y")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + name + "'");
        }
        assertThatThrownBy(() -> problem.with("list", java.util.List.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("string, number, boolean");
        assertThatThrownBy(() -> problem.retryAfter(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withReturnsANewProblem() {
        Problem base = Problem.of("x", "t", 500, "d");
        Problem more = base.with("node", "n1");
        assertThat(base.extensions()).isEmpty();
        assertThat(more.extensions()).isEqualTo(Map.of("node", "n1"));
        assertThatThrownBy(() -> more.extensions().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
    }
}
