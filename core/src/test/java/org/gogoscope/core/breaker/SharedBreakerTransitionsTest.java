package org.gogoscope.core.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gogoscope.core.breaker.SharedBreaker.Permit.NORMAL;
import static org.gogoscope.core.breaker.SharedBreaker.Permit.PROBE;
import static org.gogoscope.core.breaker.SharedBreaker.Permit.REJECTED;
import static org.gogoscope.core.breaker.SharedBreaker.Permit.UNTRACKED;

import java.time.Duration;
import org.gogoscope.core.breaker.Cluster.Node;
import org.junit.jupiter.api.Test;

/**
 * Every transition of one breaker in strict mode (staleness 0) on fake time: window 4, 2 failures open it,
 * delay 5 s, 2 probes, probe lease 30 s.
 */
class SharedBreakerTransitionsTest {

    private final Cluster cluster = new Cluster();
    private final Node node = cluster.node(Cluster.settings());

    private void open() {
        node.call(true);
        node.call(true);
        node.call(false);
        node.call(false);
        assertThat(cluster.document().state).isEqualTo(BreakerDocument.OPEN);
    }

    @Test
    void closedCallsRunAndTheBreakerOpensOnlyOnceTheWindowIsFull() {
        assertThat(node.call(true)).isEqualTo(NORMAL);
        assertThat(node.call(true)).isEqualTo(NORMAL);
        assertThat(cluster.document().state).as("2 failures, but only 2 of 4 outcomes")
                .isEqualTo(BreakerDocument.CLOSED);
        assertThat(node.call(false)).isEqualTo(NORMAL);
        assertThat(cluster.document().window).isEqualTo("110");
        long filledAt = cluster.nowMillis();
        assertThat(node.call(false)).isEqualTo(NORMAL); // the window is full: 2 of 4 failures

        BreakerDocument document = cluster.document();
        assertThat(document.state).isEqualTo(BreakerDocument.OPEN);
        assertThat(document.openedAt).isEqualTo(filledAt);
        assertThat(document.opened).isEqualTo(1);
        assertThat(document.window).isEmpty();
        assertThat(node.acquire()).isEqualTo(REJECTED);
    }

    @Test
    void theWindowRollsAndAFullWindowBelowTheThresholdStaysClosed() {
        node.call(true);
        node.call(false);
        node.call(false);
        node.call(false);
        assertThat(cluster.document().window).isEqualTo("1000");
        node.call(true); // the oldest failure leaves the window: 1 of 4
        assertThat(cluster.document().window).isEqualTo("0001");
        assertThat(cluster.document().state).isEqualTo(BreakerDocument.CLOSED);
        node.call(true);
        assertThat(cluster.document().state).isEqualTo(BreakerDocument.OPEN);
    }

    @Test
    void anOpenBreakerRejectsUntilTheDelayHasPassedOnTheBackendsClock() {
        open();
        long openedAt = cluster.document().openedAt;
        cluster.advance(Duration.ofMillis(4_999));
        assertThat(node.acquire()).isEqualTo(REJECTED);
        assertThat(cluster.document().state).isEqualTo(BreakerDocument.OPEN);
        cluster.advance(Duration.ofMillis(1));

        assertThat(node.acquire()).isEqualTo(PROBE);
        BreakerDocument document = cluster.document();
        assertThat(document.state).isEqualTo(BreakerDocument.HALF_OPEN);
        assertThat(document.halfOpenAt).isEqualTo(openedAt + 5_000);
        assertThat(document.probes).isEqualTo(1);
    }

    @Test
    void halfOpenHandsOutExactlySuccessThresholdProbePermits() {
        Node three = cluster.node(new BreakerSettings(Cluster.NAME, Duration.ofSeconds(5), 4, 2, 3, Duration.ZERO,
                Duration.ofSeconds(30)));
        open();
        cluster.advance(Duration.ofSeconds(5));
        assertThat(three.acquire()).isEqualTo(PROBE);
        assertThat(three.acquire()).isEqualTo(PROBE);
        assertThat(three.acquire()).isEqualTo(PROBE);
        assertThat(three.acquire()).isEqualTo(REJECTED);
        cluster.advance(Duration.ofSeconds(10)); // still within the probe lease
        assertThat(three.acquire()).isEqualTo(REJECTED);
        assertThat(cluster.document().probes).isEqualTo(3);
    }

    @Test
    void aFailedProbeOpensTheBreakerAgainForAnotherDelay() {
        open();
        cluster.advance(Duration.ofSeconds(5));
        SharedBreaker.Permit first = node.acquire();
        SharedBreaker.Permit second = node.acquire();
        assertThat(first).isEqualTo(PROBE);
        assertThat(second).isEqualTo(PROBE);
        cluster.advance(Duration.ofMillis(300));
        long failedAt = cluster.nowMillis();
        node.breaker().record(first, true);

        BreakerDocument document = cluster.document();
        assertThat(document.state).isEqualTo(BreakerDocument.OPEN);
        assertThat(document.openedAt).isEqualTo(failedAt);
        assertThat(document.opened).isEqualTo(2);
        node.breaker().record(second, false); // the other probe's success comes too late to count
        assertThat(cluster.document().write()).isEqualTo(document.write());
        cluster.advance(Duration.ofMillis(4_999));
        assertThat(node.acquire()).isEqualTo(REJECTED);
        cluster.advance(Duration.ofMillis(1));
        assertThat(node.acquire()).isEqualTo(PROBE);
    }

    @Test
    void successThresholdSuccessfulProbesCloseTheBreakerWithAnEmptyWindow() {
        open();
        cluster.advance(Duration.ofSeconds(5));
        SharedBreaker.Permit first = node.acquire();
        SharedBreaker.Permit second = node.acquire();
        node.breaker().record(first, false);
        assertThat(cluster.document().state).isEqualTo(BreakerDocument.HALF_OPEN);
        assertThat(cluster.document().successes).isEqualTo(1);
        node.breaker().record(second, false);

        BreakerDocument document = cluster.document();
        assertThat(document.state).isEqualTo(BreakerDocument.CLOSED);
        assertThat(document.window).isEmpty();
        assertThat(document.probes).isZero();
        assertThat(document.successes).isZero();
        assertThat(document.opened).isEqualTo(1);
        assertThat(node.call(true)).isEqualTo(NORMAL);
        assertThat(cluster.document().window).isEqualTo("1");
    }

    @Test
    void probePermitsWhoseOutcomeNeverCameAreHandedOutAgainAfterTheProbeLease() {
        open();
        cluster.advance(Duration.ofSeconds(5));
        assertThat(node.acquire()).isEqualTo(PROBE); // both permits taken, their nodes "crash": no outcome
        assertThat(node.acquire()).isEqualTo(PROBE);
        long halfOpenAt = cluster.document().halfOpenAt;
        cluster.advance(Duration.ofMillis(29_999));
        assertThat(node.acquire()).isEqualTo(REJECTED);
        cluster.advance(Duration.ofMillis(1));

        assertThat(node.acquire()).isEqualTo(PROBE);
        BreakerDocument document = cluster.document();
        assertThat(document.state).isEqualTo(BreakerDocument.HALF_OPEN);
        assertThat(document.halfOpenAt).isEqualTo(halfOpenAt + 30_000);
        assertThat(document.probes).isEqualTo(1);
        assertThat(node.acquire()).isEqualTo(PROBE);
        assertThat(node.acquire()).isEqualTo(REJECTED);
    }

    @Test
    void outcomesOfCallsAdmittedWhileClosedDoNotCountOnceItOpened() {
        SharedBreaker.Permit slow = node.acquire();
        assertThat(slow).isEqualTo(NORMAL);
        open();
        BreakerDocument before = cluster.document();
        node.breaker().record(slow, true);
        node.breaker().record(slow, false);
        BreakerDocument after = cluster.document();
        assertThat(after.state).isEqualTo(BreakerDocument.OPEN);
        assertThat(after.write()).isEqualTo(before.write());
    }

    @Test
    void rejectedAndUntrackedCallsRecordNothing() {
        open();
        int roundTrips = node.circuits().roundTrips();
        node.breaker().record(REJECTED, true);
        node.breaker().record(UNTRACKED, true);
        node.breaker().recordSoon(REJECTED, true);
        node.breaker().recordSoon(UNTRACKED, true);
        assertThat(node.circuits().roundTrips()).isEqualTo(roundTrips);
        assertThat(node.recorders().pending()).isZero();
    }

    @Test
    void inStrictModeEveryCallReadsOnceBeforeAndWritesOnceAfter() {
        node.call(false);
        int reads = node.circuits().reads.get();
        int writes = node.circuits().writes.get();
        for (int i = 0; i < 20; i++) {
            node.call(false);
            cluster.advance(Duration.ofMillis(1));
        }
        assertThat(node.circuits().reads.get() - reads).isEqualTo(20);
        assertThat(node.circuits().writes.get() - writes).isEqualTo(20);
    }

    @Test
    void aDocumentWrittenByAnEarlierVersionIsHonoured() {
        long openedAt = cluster.nowMillis() - 1_000;
        cluster.store("{\"state\":\"OPEN\",\"window\":\"\",\"openedAt\":" + openedAt
                + ",\"halfOpenAt\":0,\"probes\":0,\"successes\":0,\"opened\":3}");
        assertThat(node.acquire()).isEqualTo(REJECTED);
        cluster.advance(Duration.ofMillis(4_000));
        assertThat(node.acquire()).isEqualTo(PROBE);
        BreakerDocument document = cluster.document();
        assertThat(document.state).isEqualTo(BreakerDocument.HALF_OPEN);
        assertThat(document.opened).isEqualTo(3);
    }
}
