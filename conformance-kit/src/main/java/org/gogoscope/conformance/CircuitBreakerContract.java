package org.gogoscope.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.CircuitState;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.api.Test;

/** The {@link CircuitBreakerStateProvider} contract. */
public abstract class CircuitBreakerContract extends ContractSupport {

    /** How far the backend's clock may be from this JVM's (same machine in tests). */
    private static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(5);

    @Test
    public void anUnknownBreakerHasNoState() {
        assertThat(node().circuitBreakers().getState("unknown")).isEmpty();
    }

    @Test
    public void stateSurvivesARoundTripToTheMillisecond() {
        CircuitBreakerStateProvider circuits = node().circuitBreakers();
        Instant failure = Instant.parse("2026-03-04T05:06:07.891234567Z");
        Instant success = Instant.parse("2026-03-04T05:06:01.002Z");
        CircuitBreakerState state = new CircuitBreakerState(CircuitState.HALF_OPEN, 7, failure, success);
        circuits.setState("svc", state);
        CircuitBreakerState read = node().circuitBreakers().getState("svc").orElseThrow();
        assertThat(read).isEqualTo(state);
        assertThat(read.lastFailureTime()).isEqualTo(Instant.parse("2026-03-04T05:06:07.891Z"));
        circuits.setState("svc", CircuitBreakerState.initial());
        assertThat(circuits.getState("svc")).contains(CircuitBreakerState.initial());
    }

    @Test
    public void failuresAreCountedAndOpenTheBreakerAtTheThreshold() {
        CircuitBreakerStateProvider circuits = node().circuitBreakers();
        Instant before = Instant.now().minus(CLOCK_TOLERANCE);
        assertThat(circuits.recordFailure("svc", 3)).isEqualTo(1);
        assertThat(circuits.getState("svc").orElseThrow().state()).isEqualTo(CircuitState.CLOSED);
        assertThat(circuits.recordFailure("svc", 3)).isEqualTo(2);
        assertThat(circuits.recordFailure("svc", 3)).isEqualTo(3);
        CircuitBreakerState open = circuits.getState("svc").orElseThrow();
        assertThat(open.state()).isEqualTo(CircuitState.OPEN);
        assertThat(open.failureCount()).isEqualTo(3);
        assertThat(open.lastFailureTime()).isBetween(before, Instant.now().plus(CLOCK_TOLERANCE));
        assertThat(open.lastSuccessTime()).isNull();
        assertThat(circuits.recordFailure("svc", 3)).isEqualTo(4);
        assertThat(circuits.getState("svc").orElseThrow().state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    public void aSuccessClosesTheBreakerAndResetsTheCount() {
        CircuitBreakerStateProvider circuits = node().circuitBreakers();
        circuits.recordFailure("svc", 2);
        circuits.recordFailure("svc", 2);
        Instant before = Instant.now().minus(CLOCK_TOLERANCE);
        circuits.recordSuccess("svc");
        CircuitBreakerState closed = circuits.getState("svc").orElseThrow();
        assertThat(closed.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(closed.failureCount()).isZero();
        assertThat(closed.lastSuccessTime()).isBetween(before, Instant.now().plus(CLOCK_TOLERANCE));
        assertThat(closed.lastFailureTime()).isNotNull();
        circuits.recordSuccess("fresh");
        assertThat(circuits.getState("fresh").orElseThrow().state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    public void concurrentFailuresFromSeveralNodesAreAllCounted() throws Exception {
        List<PersistenceAdapter> nodes = List.of(node(), node());
        List<List<Integer>> counts = concurrently(5, i -> {
            CircuitBreakerStateProvider circuits = nodes.get(i % 2).circuitBreakers();
            List<Integer> seen = new java.util.ArrayList<>();
            for (int n = 0; n < 10; n++) {
                seen.add(circuits.recordFailure("shared", 1000));
            }
            return seen;
        });
        assertThat(counts.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(node().circuitBreakers().getState("shared").orElseThrow().failureCount()).isEqualTo(50);
    }

    @Test
    public void anOpenBreakerGoesHalfOpenOnceAfterTheDelayAndAFailureReopensIt() throws Exception {
        List<PersistenceAdapter> nodes = List.of(node(), node());
        CircuitBreakerStateProvider circuits = nodes.get(0).circuitBreakers();
        circuits.recordFailure("svc", 1);
        assertThat(circuits.transitionToHalfOpen("svc", Duration.ofMinutes(1))).isFalse();
        assertThat(circuits.transitionToHalfOpen("closed-one", Duration.ZERO)).isFalse();
        sleep(250);
        List<Boolean> winners = concurrently(8,
                i -> nodes.get(i % 2).circuitBreakers().transitionToHalfOpen("svc", Duration.ofMillis(100)));
        assertThat(winners.stream().filter(b -> b).count()).isEqualTo(1);
        assertThat(circuits.getState("svc").orElseThrow().state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(circuits.transitionToHalfOpen("svc", Duration.ZERO)).isFalse();

        assertThat(circuits.recordFailure("svc", 1000)).isEqualTo(2);
        assertThat(circuits.getState("svc").orElseThrow().state()).isEqualTo(CircuitState.OPEN);
        sleep(150);
        assertThat(circuits.transitionToHalfOpen("svc", Duration.ofMillis(100))).isTrue();
        circuits.recordSuccess("svc");
        assertThat(circuits.getState("svc").orElseThrow().state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    public void aPrefixIsolatesBreakers() {
        PersistenceAdapter mine = node();
        PersistenceAdapter theirs = node(otherPrefix());
        mine.circuitBreakers().recordFailure("svc", 1);
        assertThat(theirs.circuitBreakers().getState("svc")).isEmpty();
        assertThat(theirs.circuitBreakers().recordFailure("svc", 5)).isEqualTo(1);
        assertThat(mine.circuitBreakers().getState("svc").orElseThrow().state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    public void badInputIsRejectedNamingTheArgument() {
        PersistenceAdapter node = node();
        CircuitBreakerStateProvider circuits = node.circuitBreakers();
        assertThatThrownBy(() -> circuits.recordFailure("svc", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFailures");
        assertThatThrownBy(() -> circuits.setState("svc", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state");
        assertThatThrownBy(() -> circuits.getState("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
        assertThatThrownBy(() -> circuits.transitionToHalfOpen("svc", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openDelay");
        assertThatThrownBy(() -> circuits.recordSuccess("x".repeat(node.maxKeyLength())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
        assertThat(circuits.getState("svc")).isEmpty();
    }
}
