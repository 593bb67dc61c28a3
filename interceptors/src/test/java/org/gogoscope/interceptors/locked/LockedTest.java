package org.gogoscope.interceptors.locked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.annotation.CurrentLock;
import org.gogoscope.api.annotation.LockNotAcquiredException;
import org.gogoscope.interceptors.locked.LockedBeans.Customer;
import org.gogoscope.interceptors.locked.LockedBeans.FencedResource;
import org.gogoscope.interceptors.locked.LockedBeans.Order;
import org.gogoscope.interceptors.locked.LockedBeans.Orders;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.gogoscope.interceptors.Nodes;

/** {@code @Locked} on two nodes (Weld containers) sharing one backend. */
class LockedTest {

    @RegisterExtension
    final Nodes nodes = nodes();

    /** The nodes' backend: memory here, Redis in the subclass. */
    Nodes nodes() {
        return new Nodes();
    }

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private Orders a;
    private Orders b;
    private LockProvider locksOfB;

    @BeforeEach
    void startTwoNodes() {
        WeldContainer nodeA = nodes.start(Orders.class);
        WeldContainer nodeB = nodes.start(Orders.class);
        a = nodeA.select(Orders.class).get();
        b = nodeB.select(Orders.class).get();
        locksOfB = nodeB.select(LockProvider.class).get();
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void aLockHeldOnOneNodeExcludesTheOtherNodeAndTheNextGrantHasAGreaterToken() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> holder = pool.submit(() -> a.hold("42", entered, release));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> b.ship("42")).isInstanceOf(LockNotAcquiredException.class)
                .hasMessageContaining("order-42");
        assertThat(b.ship("43")).isPositive(); // other keys are free

        release.countDown();
        long first = holder.get(5, TimeUnit.SECONDS);
        long second = b.ship("42");
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void manyWritersOnTwoNodesRunOneAtATimeWithIncreasingTokens() throws Exception {
        Orders.RUNNING.set(0);
        Orders.MAX_RUNNING.set(0);
        FencedResource resource = new FencedResource();
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Orders node = i % 2 == 0 ? a : b;
            calls.add(pool.submit(() -> node.writeFenced("7", resource)));
        }
        for (Future<?> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }
        assertThat(resource.writes()).isEqualTo(40);
        assertThat(Orders.MAX_RUNNING.get()).isEqualTo(1);
    }

    @Test
    void aWaitingCallerGetsTheLockWhenItIsReleased() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> holder = pool.submit(() -> a.hold("9", entered, release));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        Future<Long> waiter = pool.submit(() -> b.shipWaiting("9"));
        Thread.sleep(150);
        assertThat(waiter).isNotDone();
        release.countDown();
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isGreaterThan(holder.get(5, TimeUnit.SECONDS));
    }

    @Test
    void waitingIsInterruptible() throws Exception {
        try (LockHandle held = locksOfB.acquire("order-5", Duration.ofSeconds(30)).orElseThrow()) {
            Thread[] waiterThread = new Thread[1];
            Future<Throwable> waiter = pool.submit(() -> {
                waiterThread[0] = Thread.currentThread();
                try {
                    a.shipWaiting("5");
                    return null;
                } catch (LockNotAcquiredException e) {
                    assertThat(Thread.currentThread().isInterrupted()).isTrue();
                    return e;
                }
            });
            Thread.sleep(200);
            waiterThread[0].interrupt();
            Throwable failure = waiter.get(2, TimeUnit.SECONDS);
            assertThat(failure).hasCauseInstanceOf(InterruptedException.class).hasMessageContaining("interrupted");
            assertThat(held.isValid()).isTrue();
        }
    }

    @Test
    void aVoidMethodIsSkippedWhenTheLockIsTaken() {
        Orders.SKIPPED_RUNS.set(0);
        try (LockHandle held = locksOfB.acquire("order-1", Duration.ofSeconds(30)).orElseThrow()) {
            a.nightlyJob("1");
            assertThat(Orders.SKIPPED_RUNS.get()).isZero();
        }
        a.nightlyJob("1");
        assertThat(Orders.SKIPPED_RUNS.get()).isEqualTo(1);
    }

    @Test
    void anExceptionReleasesTheLock() {
        assertThatThrownBy(() -> a.fail("3")).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(locksOfB.acquire("order-3", Duration.ofSeconds(1))).isPresent();
    }

    @Test
    void aCompletionStageKeepsTheLockUntilItCompletes() throws Exception {
        CompletableFuture<Long> completion = new CompletableFuture<>();
        CompletableFuture<Long> result = a.later("8", completion);
        assertThatThrownBy(() -> b.ship("8")).isInstanceOf(LockNotAcquiredException.class);
        completion.complete(5L);
        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(5L);
        assertThat(b.ship("8")).isPositive();
    }

    @Test
    void aLockThatExpiredAndWasTakenOverIsNotReleasedByItsFormerHolder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<?> overrun = pool.submit(() -> {
            a.overrun("6", release);
            return null;
        });
        Thread.sleep(400); // the 150 ms TTL has run out
        LockHandle taken = locksOfB.acquire("order-6", Duration.ofSeconds(30)).orElseThrow();
        release.countDown();
        overrun.get(5, TimeUnit.SECONDS);
        assertThat(taken.isValid()).isTrue();
        assertThat(locksOfB.acquire("order-6", Duration.ofSeconds(1))).isEmpty();
        assertThat(taken.release()).isTrue();
    }

    @Test
    void theWatchdogKeepsALongMethodsLock() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> {
            a.guarded("4", entered, release);
            return null;
        });
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(600); // four TTLs
        assertThat(locksOfB.acquire("order-4", Duration.ofSeconds(1))).isEmpty();
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        assertThat(locksOfB.acquire("order-4", Duration.ofSeconds(1))).isPresent();
    }

    @Test
    void templatesReadNestedPropertiesAndEscapedBraces() {
        assertThat(a.nested(new Order("17", new Customer("eu")))).isEqualTo("eu/{orders}/17");
        assertThatThrownBy(() -> a.nested(new Order("17", null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{order.customer.region} is null");
    }

    @Test
    void outsideALockedMethodThereIsNoFencingToken() {
        CurrentLock current = nodes.start(Orders.class).select(CurrentLock.class).get();
        assertThat(current.handle()).isEmpty();
        assertThatThrownBy(current::fencingToken).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no @Locked method");
    }
}
