package org.gogoscope.core.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.gogoscope.core.breaker.Cluster.Node;
import org.gogoscope.core.telemetry.Telemetry;
import org.junit.jupiter.api.Test;

/**
 * What a shared breaker reports: the state this node last saw, the transitions its own writes made (an opening by
 * another node is seen in the state, not counted here), rejections and backend reads.
 */
class SharedBreakerTelemetryTest {

    private final Cluster cluster = new Cluster();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private Supplier<Telemetry.BreakerState> state;

    private final Telemetry recording = new Telemetry() {
        @Override
        public void breakerState(String store, String breaker, Supplier<BreakerState> current) {
            state = current;
        }

        @Override
        public void breakerTransition(String store, String breaker, BreakerState from, BreakerState to) {
            events.add(store + " " + from + "->" + to);
        }

        @Override
        public void breakerRejected(String store, String breaker) {
            events.add("rejected");
        }

        @Override
        public void breakerRead(String store, String breaker) {
            events.add("read");
        }
    };

    @Test
    void transitionsRejectionsReadsAndTheLastSeenStateAreReported() {
        Node a = cluster.node(Cluster.settings());
        Node b = cluster.node(Cluster.settings());
        a.breaker().observeWith("orders", recording);
        assertThat(state.get()).isEqualTo(Telemetry.BreakerState.CLOSED);

        for (int i = 0; i < 4; i++) {
            b.call(true); // b's failures open it: not a's transition
        }
        assertThat(events).isEmpty();
        assertThat(a.acquire()).isEqualTo(SharedBreaker.Permit.REJECTED);
        assertThat(events).containsExactly("read", "rejected");
        assertThat(state.get()).as("seen by a's read").isEqualTo(Telemetry.BreakerState.OPEN);

        events.clear();
        cluster.advance(Duration.ofSeconds(5));
        SharedBreaker.Permit probe = a.acquire();
        assertThat(probe).isEqualTo(SharedBreaker.Permit.PROBE);
        assertThat(events).containsExactly("read", "orders OPEN->HALF_OPEN");
        assertThat(state.get()).isEqualTo(Telemetry.BreakerState.HALF_OPEN);
        events.clear();
        a.breaker().record(probe, true);
        assertThat(events).containsExactly("read", "orders HALF_OPEN->OPEN");
        assertThat(state.get()).isEqualTo(Telemetry.BreakerState.OPEN);
    }
}
