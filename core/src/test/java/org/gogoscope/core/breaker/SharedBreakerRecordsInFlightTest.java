package org.gogoscope.core.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gogoscope.core.breaker.SharedBreaker.Permit.NORMAL;
import static org.gogoscope.core.breaker.SharedBreaker.Permit.REJECTED;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gogoscope.core.breaker.Cluster.Node;
import org.junit.jupiter.api.Test;

/**
 * {@link SharedBreaker#recordSoon}: an outcome known before the call returns is written on the recorder executor,
 * and the next {@link SharedBreaker#acquire} on the node waits for it, within a bound. Window 1, so one failure
 * opens the breaker.
 */
class SharedBreakerRecordsInFlightTest {

    private static final BreakerSettings ONE_FAILURE_OPENS = new BreakerSettings(Cluster.NAME, Duration.ofSeconds(5),
            1, 1, 1, Duration.ZERO, Duration.ofSeconds(30));

    private final Cluster cluster = new Cluster();

    @Test
    void theOutcomeIsWrittenOnTheRecorderExecutorNotOnTheCallingThread() {
        Node node = cluster.node(ONE_FAILURE_OPENS);
        SharedBreaker.Permit permit = node.acquire();
        node.breaker().recordSoon(permit, true);
        assertThat(node.recorders().pending()).isEqualTo(1);
        assertThat(cluster.record().exists()).isFalse();
        node.recorders().runAll();
        assertThat(cluster.document().state).isEqualTo(BreakerDocument.OPEN);
    }

    @Test
    void theNextAcquireWaitsForTheOutcomeBeingWrittenAndSeesIt() throws Exception {
        Node node = cluster.node(ONE_FAILURE_OPENS, TimeUnit.MINUTES.toMillis(1));
        SharedBreaker.Permit timedOut = node.acquire();
        node.breaker().recordSoon(timedOut, true);
        int reads = node.circuits().reads.get();

        CompletableFuture<SharedBreaker.Permit> next = new CompletableFuture<>();
        Thread caller = new Thread(() -> next.complete(node.acquire()), "next-call");
        caller.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (caller.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(caller.getState()).isEqualTo(Thread.State.TIMED_WAITING);
        assertThat(next).isNotDone();
        assertThat(node.circuits().reads.get()).as("it waits before it reads").isEqualTo(reads);

        node.recorders().runAll(); // the recorder writes the failure: the waiting call goes on
        assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo(REJECTED);
    }

    @Test
    void afterTheBoundTheNextAcquireDecidesWithoutTheOutcome() {
        Node node = cluster.node(ONE_FAILURE_OPENS, 50);
        node.breaker().recordSoon(node.acquire(), true);
        long start = System.nanoTime();
        assertThat(node.acquire()).isEqualTo(NORMAL);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(50);

        node.recorders().runAll(); // written late; counted from then on
        assertThat(node.acquire()).isEqualTo(REJECTED);
    }

    @Test
    void anOutcomeTheExecutorRefusesIsDroppedAndNothingWaitsForIt() {
        Node node = cluster.node(ONE_FAILURE_OPENS, TimeUnit.MINUTES.toMillis(1));
        node.recorders().refuse(); // as after the application shut its recorder pool down
        SharedBreaker.Permit permit = node.acquire();
        node.breaker().recordSoon(permit, true);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), node::acquire)).isEqualTo(NORMAL);
        assertThat(cluster.record().exists()).isFalse();
    }

    @Test
    void anInterruptedWaitKeepsTheInterruptAndDecides() {
        Node node = cluster.node(ONE_FAILURE_OPENS, TimeUnit.MINUTES.toMillis(1));
        node.breaker().recordSoon(node.acquire(), true);
        Thread.currentThread().interrupt();
        try {
            assertThat(node.acquire()).isEqualTo(NORMAL);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
