package org.gogoscope.interceptors.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.core.breaker.BreakerDocument;
import org.gogoscope.interceptors.breaker.BreakerBeans.Inventory;
import org.gogoscope.interceptors.breaker.BreakerBeans.Plain;
import org.gogoscope.interceptors.breaker.BreakerBeans.Quotes;
import org.gogoscope.interceptors.breaker.BreakerBeans.SlowToStop;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.gogoscope.interceptors.Nodes;
import org.gogoscope.interceptors.TestStores;

/** MicroProfile circuit breakers sharing their state across two nodes (SmallRye Fault Tolerance on Weld). */
class SharedCircuitBreakerTest {

    @RegisterExtension
    final Nodes nodes = nodes();

    /** The nodes of each test: one fresh in-memory backend here, the real Redis in a subclass. */
    Nodes nodes() {
        return new Nodes();
    }

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static void failTimes(Inventory node, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> node.check(true)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aBreakerOpenedOnOneNodeFailsFastOnTheOther() {
        Inventory a = nodes.start(Inventory.class).select(Inventory.class).get();
        Inventory b = nodes.start(Inventory.class).select(Inventory.class).get();
        Inventory.CALLS.set(0);
        assertThat(b.check(false)).isEqualTo("ok");
        assertThat(a.check(false)).isEqualTo("ok");
        failTimes(a, 1);
        failTimes(b, 1); // window of 4: 2 failures of 4 reach failureRatio 0.5
        assertThatThrownBy(() -> b.check(false)).isInstanceOf(CircuitBreakerOpenException.class)
                .hasMessageContaining("inventory");
        assertThatThrownBy(() -> a.check(false)).isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(Inventory.CALLS.get()).isEqualTo(4);
    }

    /**
     * A method whose only Fault Tolerance annotation is its shared {@code @CircuitBreaker} runs without the host's
     * interceptor (whose own breaker is off, so it had nothing left to do); a method with another one, here
     * {@code @Timeout}, still runs inside it.
     */
    @Test
    void theHostInterceptorRunsOnlyWhereItHasWorkLeft() {
        Inventory node = nodes.start(Inventory.class).select(Inventory.class).get();
        String host = io.smallrye.faulttolerance.FaultToleranceInterceptor.class.getName();
        String shared = OuterSharedCircuitBreakerInterceptor.class.getName();
        assertThat(node.stackWithOnlyABreaker()).contains(shared).doesNotContain(host);
        assertThat(node.stackWithATimeout()).contains(shared, host);
    }

    @Test
    void theWindowNeedsRequestVolumeThresholdCallsAndTheRatio() {
        Inventory a = nodes.start(Inventory.class).select(Inventory.class).get();
        Inventory b = nodes.start(Inventory.class).select(Inventory.class).get();
        failTimes(a, 1);
        assertThat(b.check(false)).isEqualTo("ok");
        assertThat(a.check(false)).isEqualTo("ok");
        assertThat(b.check(false)).isEqualTo("ok"); // window 1000: 1 of 4 < 0.5
        failTimes(b, 1); // window 0001 -> 0011 would need 2; now 0,0,0,1 is 1 failure
        assertThat(a.check(false)).isEqualTo("ok");
        failTimes(a, 1); // window 0,1,0,1: 2 of 4 -> opens
        assertThatThrownBy(() -> b.check(false)).isInstanceOf(CircuitBreakerOpenException.class);
    }

    @Test
    void halfOpenProbesAreBoundedAcrossNodesAndSuccessesCloseTheBreaker() throws Exception {
        Inventory a = nodes.start(Inventory.class).select(Inventory.class).get();
        Inventory b = nodes.start(Inventory.class).select(Inventory.class).get();
        failTimes(a, 2);
        failTimes(b, 2);
        assertThatThrownBy(() -> b.check(false)).isInstanceOf(CircuitBreakerOpenException.class);
        Thread.sleep(500); // the 400 ms delay passes
        Inventory.PROBES.set(0);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Inventory node = i % 2 == 0 ? a : b;
            calls.add(pool.submit(() -> {
                try {
                    return node.probe(release);
                } catch (CircuitBreakerOpenException e) {
                    return e;
                }
            }));
        }
        awaitTrue(() -> calls.stream().filter(Future::isDone).count() == 6);
        assertThat(Inventory.PROBES.get()).isEqualTo(2); // successThreshold = 2 probes, cluster-wide
        release.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> call : calls) {
            results.add(call.get(5, TimeUnit.SECONDS));
        }
        assertThat(results).filteredOn("probed"::equals).hasSize(2);
        assertThat(results).filteredOn(CircuitBreakerOpenException.class::isInstance).hasSize(6);
        assertThat(b.check(false)).isEqualTo("ok"); // two successful probes closed it
        assertThat(a.check(false)).isEqualTo("ok");
    }

    @Test
    void aFailedProbeReopensTheBreakerForEveryNode() throws Exception {
        Inventory a = nodes.start(Inventory.class).select(Inventory.class).get();
        Inventory b = nodes.start(Inventory.class).select(Inventory.class).get();
        failTimes(a, 4);
        Thread.sleep(500);
        failTimes(b, 1); // the probe fails
        assertThatThrownBy(() -> a.check(false)).isInstanceOf(CircuitBreakerOpenException.class);
        assertThatThrownBy(() -> b.check(false)).isInstanceOf(CircuitBreakerOpenException.class);
    }

    @Test
    void skipOnExceptionsAreSuccessesAndTimeoutsAreFailures() throws Exception {
        Inventory a = nodes.start(Inventory.class).select(Inventory.class).get();
        Inventory b = nodes.start(Inventory.class).select(Inventory.class).get();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> a.picky(new IllegalArgumentException("skip")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> b.picky(new IllegalStateException("fail"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> a.picky(new IllegalStateException("fail"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.picky(new IllegalArgumentException("skip")))
                .isInstanceOf(CircuitBreakerOpenException.class);

        assertThat(a.slow(0)).isEqualTo("done");
        assertThatThrownBy(() -> a.slow(2000)).isInstanceOf(TimeoutException.class);
        assertThatThrownBy(() -> b.slow(2000)).isInstanceOf(TimeoutException.class);
        assertThatThrownBy(() -> a.slow(0)).isInstanceOf(CircuitBreakerOpenException.class);
    }

    @Test
    void retryAndFallbackStillWrapTheSharedBreakerAndTheHostBreakerIsOff() {
        WeldContainer nodeA = nodes.start(Quotes.class);
        Quotes a = nodeA.select(Quotes.class).get();
        Quotes b = nodes.start(Quotes.class).select(Quotes.class).get();
        Quotes.ATTEMPTS.set(0);
        assertThat(a.quote()).isEqualTo("cached"); // 1 call + 3 retries, each counted: the 4th opens it
        assertThat(Quotes.ATTEMPTS.get()).isEqualTo(4);
        assertThat(b.quote()).isEqualTo("cached"); // open: every attempt fails fast, fallback answers
        assertThat(Quotes.ATTEMPTS.get()).isEqualTo(4);

        // close the shared breaker behind the nodes' back: node A runs again, so no local breaker is open there
        CircuitBreakerStateProvider circuits = nodeA.select(CircuitBreakerStateProvider.class).get();
        CircuitRecord record = circuits.readRecord("cb:quotes");
        assertThat(circuits.compareAndSetRecord("cb:quotes", record.version(), new BreakerDocument().write())).isTrue();
        assertThat(a.quote()).isEqualTo("cached");
        assertThat(Quotes.ATTEMPTS.get()).isEqualTo(8);
    }

    /**
     * Inside the host (with {@code @Retry}), a timed-out attempt is counted when the host interrupts it, not when the
     * method returns: the host starts the next attempt at once, and that attempt must see the failure. Here every
     * timed-out attempt runs on for 500 ms, so counting at return would let all 8 attempts through before the
     * first failure is written.
     */
    @Test
    void aTimedOutAttemptIsCountedBeforeTheHostStartsTheNextOne() throws Exception {
        SlowToStop node = nodes.start(SlowToStop.class).select(SlowToStop.class).get();
        SlowToStop.ATTEMPTS.set(0);
        Future<String> result = node.call();
        assertThatThrownBy(() -> result.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(SlowToStop.ATTEMPTS.get()).as("attempts before the breaker opened").isEqualTo(4);
    }

    /**
     * Payara's Fault Tolerance interceptor does not sit at the specification's default priority: the shared
     * breaker follows the host's interceptor wherever {@code mp.fault.tolerance.interceptor.priority} puts it
     * (SmallRye here moves its own to 5000), so Retry and Fallback still wrap it and Timeout stays inside it.
     */
    @Test
    void theSharedBreakerFollowsTheHostInterceptorWhenItsPriorityIsConfigured() {
        nodes.config(Map.of("mp.fault.tolerance.interceptor.priority", "5000"));
        WeldContainer nodeA = nodes.start(Quotes.class, Inventory.class);
        Quotes a = nodeA.select(Quotes.class).get();
        Quotes.ATTEMPTS.set(0);
        assertThat(a.quote()).isEqualTo("cached"); // 4 attempts, each a breaker call: the 4th opens it
        assertThat(Quotes.ATTEMPTS.get()).isEqualTo(4);
        assertThat(nodeA.select(CircuitBreakerStateProvider.class).get().readRecord("cb:quotes").data())
                .contains("\"state\":\"OPEN\"");
        assertThat(a.quote()).isEqualTo("cached"); // the fallback answers CircuitBreakerOpenException
        assertThat(Quotes.ATTEMPTS.get()).isEqualTo(4);

        Inventory inventory = nodeA.select(Inventory.class).get();
        Inventory.CALLS.set(0);
        failTimes(inventory, 2);
        assertThat(inventory.check(false)).isEqualTo("ok");
        assertThat(inventory.check(false)).isEqualTo("ok");
        assertThatThrownBy(() -> inventory.check(false)).isInstanceOf(CircuitBreakerOpenException.class)
                .hasMessageContaining("inventory");
        assertThat(Inventory.CALLS.get()).isEqualTo(4);
    }

    @Test
    void everyBreakerIsSharedWhenConfiguredGlobally() {
        nodes.config(Map.of("gogoscope.circuit-breaker.shared", "true"));
        Plain a = nodes.start(Plain.class).select(Plain.class).get();
        Plain b = nodes.start(Plain.class).select(Plain.class).get();
        assertThatThrownBy(() -> a.call(true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> a.call(true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.call(false)).isInstanceOf(CircuitBreakerOpenException.class);
    }

    @Test
    void withoutTheSwitchAPlainBreakerStaysLocal() {
        Plain a = nodes.start(Plain.class).select(Plain.class).get();
        Plain b = nodes.start(Plain.class).select(Plain.class).get();
        assertThatThrownBy(() -> a.call(true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> a.call(true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> a.call(false)).isInstanceOf(CircuitBreakerOpenException.class); // SmallRye's own
        assertThat(b.call(false)).isEqualTo("ok");
    }

    @Test
    void withBoundedStalenessTheHappyPathSkipsTheBackendAndOpeningsArriveWithinTheBound() {
        nodes.config(Map.of("gogoscope.circuit-breaker.staleness", "300ms"));
        WeldContainer nodeB = nodes.start(Inventory.class);
        Inventory a = nodes.start(Inventory.class).select(Inventory.class).get();
        Inventory b = nodeB.select(Inventory.class).get();
        TestStores storesOfB = nodeB.select(TestStores.class).get();
        b.check(false);
        int before = storesOfB.circuitRoundTrips();
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            assertThat(b.check(false)).isEqualTo("ok");
            if (i % 50 == 0) {
                sleepMillis(200);
            }
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        int roundTrips = storesOfB.circuitRoundTrips() - before;
        System.out.println("staleness 300ms: 200 successful calls in " + elapsedMillis + " ms took " + roundTrips
                + " breaker round trips");
        // at most one read and one batched write per 300 ms: the strict mode would need 400
        assertThat(roundTrips).isLessThanOrEqualTo(2 * (int) (elapsedMillis / 300 + 1));

        for (int i = 0; i < 4; i++) { // B's batched successes may or may not be in the window yet
            assertThatThrownBy(() -> a.check(true)).isInstanceOfAny(IllegalStateException.class,
                    CircuitBreakerOpenException.class);
        }
        assertThatThrownBy(() -> a.check(false)).isInstanceOf(CircuitBreakerOpenException.class);
        long opened = System.nanoTime();
        awaitTrue(() -> {
            try {
                b.check(false);
                return false;
            } catch (CircuitBreakerOpenException e) {
                return true;
            }
        });
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened)).isLessThan(2000);
    }

    @Test
    void inStrictModeEveryCallAsksTheBackend() {
        WeldContainer nodeB = nodes.start(Inventory.class);
        Inventory b = nodeB.select(Inventory.class).get();
        TestStores storesOfB = nodeB.select(TestStores.class).get();
        b.check(false);
        int before = storesOfB.circuitRoundTrips();
        for (int i = 0; i < 20; i++) {
            b.check(false);
        }
        assertThat(storesOfB.circuitRoundTrips() - before).isEqualTo(40); // one read, one write per call
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
