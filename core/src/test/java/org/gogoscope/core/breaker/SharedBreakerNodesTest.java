package org.gogoscope.core.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gogoscope.core.breaker.SharedBreaker.Permit.NORMAL;
import static org.gogoscope.core.breaker.SharedBreaker.Permit.PROBE;
import static org.gogoscope.core.breaker.SharedBreaker.Permit.REJECTED;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gogoscope.core.breaker.Cluster.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two breaker instances on one backend act as two nodes of a cluster (strict mode). */
class SharedBreakerNodesTest {

    private final Cluster cluster = new Cluster();
    private final Node a = cluster.node(Cluster.settings());
    private final Node b = cluster.node(Cluster.settings());
    private final ExecutorService threads = Executors.newFixedThreadPool(16);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void theWindowHoldsTheOutcomesOfBothNodesAndAnOpeningOnOneRejectsOnTheOther() {
        assertThat(a.call(false)).isEqualTo(NORMAL);
        assertThat(b.call(true)).isEqualTo(NORMAL);
        assertThat(a.call(false)).isEqualTo(NORMAL);
        assertThat(cluster.document().window).isEqualTo("010");
        assertThat(b.call(true)).isEqualTo(NORMAL);
        assertThat(cluster.document().state).isEqualTo(BreakerDocument.OPEN);
        assertThat(a.acquire()).isEqualTo(REJECTED);
        assertThat(b.acquire()).isEqualTo(REJECTED);
    }

    @Test
    void probePermitsAreCountedAcrossNodesAndAFailedProbeReopensForBoth() {
        for (int i = 0; i < 4; i++) {
            a.call(true);
        }
        cluster.advance(Duration.ofSeconds(5));
        SharedBreaker.Permit onA = a.acquire();
        assertThat(onA).isEqualTo(PROBE);
        assertThat(b.acquire()).isEqualTo(PROBE);
        assertThat(a.acquire()).isEqualTo(REJECTED);
        assertThat(b.acquire()).isEqualTo(REJECTED);
        a.breaker().record(onA, true);
        assertThat(b.acquire()).isEqualTo(REJECTED);
        assertThat(cluster.document().opened).isEqualTo(2);
    }

    @Test
    void probeSuccessesOnTwoNodesCloseTheBreakerForBoth() {
        for (int i = 0; i < 4; i++) {
            b.call(true);
        }
        cluster.advance(Duration.ofSeconds(5));
        SharedBreaker.Permit onA = a.acquire();
        SharedBreaker.Permit onB = b.acquire();
        a.breaker().record(onA, false);
        b.breaker().record(onB, false);
        assertThat(a.acquire()).isEqualTo(NORMAL);
        assertThat(b.acquire()).isEqualTo(NORMAL);
    }

    @Test
    void ofManyConcurrentCallersOnTwoNodesExactlySuccessThresholdGetAProbePermit() throws Exception {
        BreakerSettings three = new BreakerSettings(Cluster.NAME, Duration.ofSeconds(5), 4, 2, 3, Duration.ZERO,
                Duration.ofSeconds(30));
        Node first = cluster.node(three);
        Node second = cluster.node(three);
        for (int i = 0; i < 4; i++) {
            first.call(true);
        }
        for (int round = 0; round < 20; round++) {
            cluster.advance(Duration.ofSeconds(5)); // open -> the next calls may probe
            CyclicBarrier start = new CyclicBarrier(16);
            List<Future<SharedBreaker.Permit>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Node node = i % 2 == 0 ? first : second;
                calls.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return node.acquire();
                }));
            }
            List<SharedBreaker.Permit> permits = new ArrayList<>();
            for (Future<SharedBreaker.Permit> call : calls) {
                permits.add(call.get(10, TimeUnit.SECONDS));
            }
            assertThat(permits).as("round %d", round).filteredOn(PROBE::equals).hasSize(3);
            assertThat(permits).as("round %d", round).filteredOn(REJECTED::equals).hasSize(13);
            assertThat(cluster.document().probes).isEqualTo(3);
            first.breaker().record(PROBE, true); // reopen for the next round
            assertThat(cluster.document().state).isEqualTo(BreakerDocument.OPEN);
        }
    }

    @Test
    void concurrentFailuresOnTwoNodesAreAllCounted() throws Exception {
        BreakerSettings wide = new BreakerSettings(Cluster.NAME, Duration.ofSeconds(5), 16, 16, 2, Duration.ZERO,
                Duration.ofSeconds(30));
        Node first = cluster.node(wide);
        Node second = cluster.node(wide);
        CyclicBarrier start = new CyclicBarrier(15);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            Node node = i % 2 == 0 ? first : second;
            calls.add(threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return node.call(true);
            }));
        }
        for (Future<?> call : calls) {
            call.get(10, TimeUnit.SECONDS);
        }
        assertThat(cluster.document().window).isEqualTo("1".repeat(15)); // no lost update
        assertThat(first.call(true)).isEqualTo(NORMAL);
        assertThat(cluster.document().state).isEqualTo(BreakerDocument.OPEN);
    }
}
