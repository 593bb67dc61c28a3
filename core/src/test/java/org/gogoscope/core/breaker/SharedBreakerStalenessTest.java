package org.gogoscope.core.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gogoscope.core.breaker.SharedBreaker.Permit.NORMAL;
import static org.gogoscope.core.breaker.SharedBreaker.Permit.PROBE;
import static org.gogoscope.core.breaker.SharedBreaker.Permit.REJECTED;

import java.time.Duration;
import org.gogoscope.core.breaker.Cluster.Node;
import org.junit.jupiter.api.Test;

/**
 * Staleness {@code s = 1 s}: a node decides on a snapshot younger than {@code s} without a round trip, batches its
 * successes, writes a failure at once, and still asks the backend for every half-open permit.
 */
class SharedBreakerStalenessTest {

    private static final Duration STALENESS = Duration.ofSeconds(1);

    private final Cluster cluster = new Cluster();
    private final Node node = cluster.node(Cluster.settings(STALENESS));

    @Test
    void withinTheStalenessWindowCallsDoNotReadTheBackend() {
        assertThat(node.acquire()).isEqualTo(NORMAL);
        assertThat(node.circuits().reads.get()).isEqualTo(1);
        for (int i = 0; i < 19; i++) {
            cluster.advance(Duration.ofMillis(50));
            assertThat(node.acquire()).isEqualTo(NORMAL);
        }
        assertThat(node.circuits().roundTrips()).as("950 ms after the read").isEqualTo(1);
        cluster.advance(Duration.ofMillis(50));
        assertThat(node.acquire()).isEqualTo(NORMAL);
        assertThat(node.circuits().reads.get()).as("1 s after the read").isEqualTo(2);
    }

    @Test
    void anotherNodesOpeningIsSeenOnlyOnceTheSnapshotIsStale() {
        Node other = cluster.node(Cluster.settings());
        assertThat(node.acquire()).isEqualTo(NORMAL); // the snapshot: CLOSED
        cluster.advance(Duration.ofMillis(100));
        for (int i = 0; i < 4; i++) {
            other.call(true);
        }
        assertThat(cluster.document().state).isEqualTo(BreakerDocument.OPEN);
        cluster.advance(Duration.ofMillis(899));
        assertThat(node.acquire()).as("999 ms after the read").isEqualTo(NORMAL);
        cluster.advance(Duration.ofMillis(1));
        assertThat(node.acquire()).as("1 s after the read").isEqualTo(REJECTED);
    }

    /** A window of 10, so that a batch is not cut to the window's size. */
    private Node wide() {
        return cluster.node(new BreakerSettings(Cluster.NAME, Duration.ofSeconds(5), 10, 5, 2, STALENESS,
                Duration.ofSeconds(30)));
    }

    @Test
    void successesAreWrittenInOneBatchByTheFirstCallThatEndsAWindowAfterTheFirstOfThem() {
        Node wide = wide();
        wide.call(false);
        for (int i = 0; i < 3; i++) {
            cluster.advance(Duration.ofMillis(300));
            wide.call(false);
        }
        assertThat(wide.circuits().writes.get()).as("4 successes within 900 ms").isZero();
        assertThat(cluster.record().exists()).isFalse();
        cluster.advance(Duration.ofMillis(99));
        wide.call(false);
        assertThat(wide.circuits().writes.get()).as("999 ms after the first success").isZero();
        cluster.advance(Duration.ofMillis(1));
        wide.breaker().record(NORMAL, false); // this call ends 1 s after the first buffered success

        assertThat(wide.circuits().writes.get()).isEqualTo(1);
        assertThat(cluster.document().window).isEqualTo("000000");
        wide.breaker().record(NORMAL, false);
        assertThat(wide.circuits().writes.get()).as("a new batch begins").isEqualTo(1);
        assertThat(wide.circuits().reads.get()).as("all on the first snapshot").isEqualTo(1);
    }

    @Test
    void aBatchLargerThanTheWindowFillsTheWindow() {
        for (int i = 0; i < 6; i++) {
            node.call(false);
        }
        cluster.advance(STALENESS);
        node.breaker().record(NORMAL, false);
        assertThat(cluster.document().window).isEqualTo("0000");
    }

    @Test
    void aFailureIsWrittenAtOnceTogetherWithTheBufferedSuccesses() {
        Node wide = wide();
        wide.call(false);
        wide.call(false);
        assertThat(wide.circuits().writes.get()).isZero();
        wide.call(true);
        assertThat(wide.circuits().writes.get()).isEqualTo(1);
        assertThat(cluster.document().window).isEqualTo("001");
        wide.call(true);
        assertThat(wide.circuits().writes.get()).isEqualTo(2);
        assertThat(cluster.document().window).isEqualTo("0011");
    }

    @Test
    void anOpenSnapshotRejectsWithoutARoundTripUntilTheDelay() {
        Node longLived = cluster.node(new BreakerSettings(Cluster.NAME, Duration.ofSeconds(5), 4, 2, 2,
                Duration.ofSeconds(60), Duration.ofSeconds(30)));
        for (int i = 0; i < 4; i++) {
            longLived.call(true);
        }
        assertThat(cluster.document().state).isEqualTo(BreakerDocument.OPEN);
        int roundTrips = longLived.circuits().roundTrips();
        for (int i = 0; i < 49; i++) {
            cluster.advance(Duration.ofMillis(100));
            assertThat(longLived.acquire()).isEqualTo(REJECTED);
        }
        assertThat(longLived.circuits().roundTrips()).isEqualTo(roundTrips);
        assertThat(longLived.circuits().reads.get()).isEqualTo(1);
        cluster.advance(Duration.ofMillis(100)); // the delay has passed: the snapshot is not enough now
        assertThat(longLived.acquire()).isEqualTo(PROBE);
        assertThat(longLived.circuits().reads.get()).isEqualTo(2);
        assertThat(longLived.circuits().roundTrips()).isEqualTo(roundTrips + 2);
    }

    @Test
    void halfOpenPermitsAlwaysGoToTheBackend() {
        Node longLived = cluster.node(new BreakerSettings(Cluster.NAME, Duration.ofSeconds(5), 4, 2, 2,
                Duration.ofSeconds(60), Duration.ofSeconds(30)));
        Node other = cluster.node(new BreakerSettings(Cluster.NAME, Duration.ofSeconds(5), 4, 2, 2,
                Duration.ofSeconds(60), Duration.ofSeconds(30)));
        for (int i = 0; i < 4; i++) {
            longLived.call(true);
        }
        cluster.advance(Duration.ofSeconds(5));
        assertThat(longLived.acquire()).isEqualTo(PROBE);
        cluster.advance(Duration.ofMillis(1));
        assertThat(other.acquire()).isEqualTo(PROBE); // its own first read
        cluster.advance(Duration.ofMillis(1));
        int writes = longLived.circuits().writes.get();
        int reads = longLived.circuits().reads.get();
        // its snapshot (HALF_OPEN, 1 probe, 2 ms old) is far younger than 60 s, yet it asks the backend
        assertThat(longLived.acquire()).isEqualTo(REJECTED);
        assertThat(longLived.circuits().reads.get()).isEqualTo(reads + 1);
        assertThat(longLived.circuits().writes.get()).isEqualTo(writes);
        assertThat(cluster.document().probes).isEqualTo(2);
    }
}
