package org.gogoscope.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Attribute sets are built once per name, and unbounded names cost time, not memory. */
class BoundedMemoTest {

    @Test
    void keepsUpToItsLimitThenComputesEachTime() {
        AtomicInteger built = new AtomicInteger();
        BoundedMemo<String, String> memo = new BoundedMemo<>(2, key -> key + built.incrementAndGet());
        assertThat(memo.get("a")).isEqualTo("a1");
        assertThat(memo.get("a")).isEqualTo("a1");
        assertThat(memo.get("b")).isEqualTo("b2");
        assertThat(memo.get("c")).isEqualTo("c3");
        assertThat(memo.get("c")).as("past the limit: not kept").isEqualTo("c4");
        assertThat(memo.get("b")).isEqualTo("b2");
    }
}
