package org.gogoscope.core.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.gogoscope.core.breaker.SharedBreaker.Permit.NORMAL;
import static org.gogoscope.core.breaker.SharedBreaker.Permit.PROBE;
import static org.gogoscope.core.breaker.SharedBreaker.Permit.UNTRACKED;

import java.time.Duration;
import org.gogoscope.core.breaker.Cluster.Node;
import org.junit.jupiter.api.Test;

/**
 * An unreachable backend ({@link org.gogoscope.api.BackendException}): calls run untracked, nothing is thrown,
 * and the breaker works again once the backend answers.
 */
class SharedBreakerBackendDownTest {

    private final Cluster cluster = new Cluster();
    private final Node node = cluster.node(Cluster.settings());

    @Test
    void whileTheBackendIsDownCallsRunUntrackedAndAfterwardsTheyAreCountedAgain() {
        node.circuits().down = true;
        assertThat(node.acquire()).isEqualTo(UNTRACKED);
        int roundTrips = node.circuits().roundTrips();
        node.breaker().record(UNTRACKED, true);
        node.breaker().recordSoon(UNTRACKED, true);
        assertThat(node.circuits().roundTrips()).as("an untracked outcome is not written").isEqualTo(roundTrips);
        assertThat(node.recorders().pending()).isZero();

        node.circuits().down = false;
        assertThat(node.call(true)).isEqualTo(NORMAL);
        assertThat(cluster.document().window).isEqualTo("1");
    }

    @Test
    void anOpenBreakerFailsOpenWhenTheBackendIsDown() {
        for (int i = 0; i < 4; i++) {
            node.call(true);
        }
        cluster.advance(Duration.ofSeconds(5));
        node.circuits().down = true;
        assertThat(node.acquire()).isEqualTo(UNTRACKED);
        node.circuits().down = false;
        assertThat(node.acquire()).isEqualTo(PROBE);
    }

    @Test
    void anOutcomeThatCannotBeWrittenIsDroppedWithoutAnException() {
        assertThat(node.acquire()).isEqualTo(NORMAL);
        node.circuits().down = true;
        assertThatCode(() -> node.breaker().record(NORMAL, true)).doesNotThrowAnyException();
        node.circuits().down = false;
        assertThat(cluster.record().exists()).isFalse();
    }
}
