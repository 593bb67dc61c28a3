package org.gogoscope.interceptors.locked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockInfo;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.annotation.LockNotAcquiredException;
import org.gogoscope.interceptors.Nodes;
import org.gogoscope.interceptors.locked.JobBeans.Job;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scheduled jobs once per cluster (the minimum hold), who holds a refused lock, and what happens to the locks of
 * calls in flight when the application stops; two Weld containers on one backend are two nodes.
 */
class JobTest {

    @RegisterExtension
    final Nodes nodes = new Nodes();

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void aShortJobKeepsItsLockForTheMinimumHoldSoALateNodeSkipsThatTick() throws Exception {
        Job a = nodes.start(Job.class).select(Job.class).get();
        WeldContainer nodeB = nodes.start(Job.class);
        Job b = nodeB.select(Job.class).get();
        LockProvider locks = nodeB.select(LockProvider.class).get();
        Job.RUNS.set(0);
        long started = System.nanoTime();
        a.run(1);
        LockInfo kept = locks.inspect("job-1").orElseThrow();
        assertThat(kept.remaining()).as("held for what remains of 600 ms, not the 5 s TTL")
                .isLessThanOrEqualTo(Duration.ofMillis(600));
        Thread.sleep(200); // node B's timer fires 200 ms late
        b.run(1);
        assertThat(Job.RUNS.get()).as("one run for tick 1").isEqualTo(1);
        long freed = awaitFree(locks, "job-1");
        assertThat(Duration.ofNanos(freed - started)).as("free after the minimum hold, long before the TTL")
                .isGreaterThanOrEqualTo(Duration.ofMillis(600)).isLessThan(Duration.ofSeconds(3));
        b.run(2);
        assertThat(Job.RUNS.get()).as("the next tick runs").isEqualTo(2);
    }

    @Test
    void withoutTheMinimumHoldALateNodeRunsTheSameTickAgain() throws Exception {
        Job a = nodes.start(Job.class).select(Job.class).get();
        Job b = nodes.start(Job.class).select(Job.class).get();
        Job.RUNS.set(0);
        a.runWithoutMinHold(7);
        Thread.sleep(200);
        b.runWithoutMinHold(7);
        assertThat(Job.RUNS.get()).as("the duplicate the minimum hold prevents").isEqualTo(2);
    }

    @Test
    void theMinimumHoldOfAStageCountsFromTheGrantToTheStagesEnd() throws Exception {
        WeldContainer nodeA = nodes.start(Job.class);
        Job a = nodeA.select(Job.class).get();
        LockProvider locks = nodes.start(Job.class).select(LockProvider.class).get();
        long started = System.nanoTime();
        long token = a.runAsync(1).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(locks.inspect("async-1")).map(LockInfo::fencingToken).contains(token);
        long freed = awaitFree(locks, "async-1");
        assertThat(Duration.ofNanos(freed - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400))
                .isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aRefusalCanNameTheHolderAndItsToken() throws Exception {
        Job a = nodes.start(Job.class).select(Job.class).get();
        WeldContainer nodeB = nodes.start(Job.class);
        long token = nodeB.select(LockProvider.class).get().acquire("report-9", Duration.ofSeconds(30), "night-job")
                .orElseThrow().fencingToken();
        assertThatThrownBy(() -> a.report("9")).isInstanceOfSatisfying(LockNotAcquiredException.class, e -> {
            assertThat(e.holder()).map(LockInfo::owner).contains("night-job");
            assertThat(e.holder()).map(LockInfo::fencingToken).contains(token);
            assertThat(e.getMessage()).startsWith("GOGO-0302: Lock 'report-9' not acquired after waiting 0 ms; held "
                    + "by 'night-job' with fencing token " + token + " for another ");
        });
    }

    @Test
    void stoppingTheApplicationReleasesTheLocksOfCallsStillRunningAfterTheWait() throws Exception {
        nodes.config(java.util.Map.of("gogoscope.lock.shutdown-wait", "300ms"));
        WeldContainer nodeA = nodes.start(Job.class);
        Job a = nodeA.select(Job.class).get();
        WeldContainer nodeB = nodes.start(Job.class);
        LockProvider locks = nodeB.select(LockProvider.class).get();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> running = pool.submit(() -> a.longRunning("1", entered, release));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(400); // beyond the 300 ms TTL: the watchdog keeps it
        assertThat(locks.inspect("long-1")).as("held by the running call").isPresent();

        long stopping = System.nanoTime();
        nodeA.shutdown();
        long stopped = System.nanoTime();
        assertThat(Duration.ofNanos(stopped - stopping)).as("waited for the call, at most the shutdown wait")
                .isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofSeconds(3));
        assertThat(locks.inspect("long-1")).as("released at once, not left to its TTL").isEmpty();
        Thread.sleep(400);
        assertThat(locks.inspect("long-1")).as("and the watchdog stopped").isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).as("the watchdog thread ended with the application")
                .noneMatch(t -> t.getName().equals("gogoscope-lock-watchdog") && t.isAlive());
        Job b = nodeB.select(Job.class).get();
        assertThat(b.quick("1")).as("another node takes it at once").isPositive();
        release.countDown();
        running.get(5, TimeUnit.SECONDS);
    }

    @Test
    void callsThatEndWithinTheWaitKeepTheirNormalEnding() throws Exception {
        nodes.config(java.util.Map.of("gogoscope.lock.shutdown-wait", "5s"));
        WeldContainer nodeA = nodes.start(Job.class);
        Job a = nodeA.select(Job.class).get();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> running = pool.submit(() -> a.longRunning("2", entered, release));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        Future<?> stop = pool.submit(nodeA::shutdown);
        Thread.sleep(200);
        assertThat(stop.isDone()).as("shutdown waits for the call in flight").isFalse();
        release.countDown();
        assertThat(running.get(5, TimeUnit.SECONDS)).isPositive();
        stop.get(5, TimeUnit.SECONDS);
    }

    @Test
    void callsArrivingWhileTheApplicationStopsAreRefusedOrSkippedWithoutTakingTheLock() throws Exception {
        nodes.config(java.util.Map.of("gogoscope.lock.shutdown-wait", "5s"));
        WeldContainer nodeA = nodes.start(Job.class);
        Job a = nodeA.select(Job.class).get();
        LockProvider locks = nodes.start(Job.class).select(LockProvider.class).get();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> running = pool.submit(() -> a.longRunning("3", entered, release));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        Future<?> stop = pool.submit(nodeA::shutdown);
        Thread.sleep(200);
        assertThat(stop.isDone()).as("the shutdown wait runs").isFalse();
        Job.RUNS.set(0);

        assertThatThrownBy(() -> a.quick("9")).isInstanceOf(LockNotAcquiredException.class)
                .hasMessageContaining("the application is stopping");
        a.tick("9");
        assertThat(Job.RUNS.get()).as("the skipped job did not run").isZero();
        assertThat(locks.inspect("long-9")).as("refused before acquiring").isEmpty();
        assertThat(locks.inspect("tick-9")).isEmpty();

        release.countDown();
        running.get(5, TimeUnit.SECONDS);
        stop.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCallThatReachesItsWatchdogAfterTheStopIsRefusedAndItsLockReleased() throws Exception {
        WeldContainer nodeA = nodes.start(Job.class);
        Job a = nodeA.select(Job.class).get();
        a.longRunning("4", new CountDownLatch(1), new CountDownLatch(0)); // the watchdog thread exists now
        LockedCalls calls = nodeA.select(LockedCalls.class).get();
        LockProvider locks = nodeA.select(LockProvider.class).get();
        LockedPlan plan = plan("longRunning", String.class, CountDownLatch.class, CountDownLatch.class);
        // a call that found the application running acquires its lock while stop() (the @PreDestroy) runs
        LockHandle handle = locks.acquire("long-5", Duration.ofSeconds(30)).orElseThrow();
        calls.stop();
        assertThat(calls.begin(handle, plan)).as("refused: the watchdog is shut down").isNull();
        assertThat(locks.inspect("long-5")).as("released at once, not left to its 30 s TTL").isEmpty();
        assertThat(calls.inFlight()).isZero();
    }

    @Test
    void noWatchdogThreadStartsAfterTheStop() throws Exception {
        WeldContainer nodeA = nodes.start(Job.class);
        LockedCalls calls = nodeA.select(LockedCalls.class).get();
        LockProvider locks = nodeA.select(LockProvider.class).get();
        LockedPlan plan = plan("longRunning", String.class, CountDownLatch.class, CountDownLatch.class);
        LockHandle handle = locks.acquire("long-6", Duration.ofSeconds(30)).orElseThrow();
        calls.stop(); // no watchdog thread to shut down yet
        assertThat(calls.begin(handle, plan)).isNull();
        assertThat(locks.inspect("long-6")).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).as("no thread outlives the application")
                .noneMatch(t -> t.getName().equals("gogoscope-lock-watchdog") && t.isAlive());
    }

    @Test
    void withTheWatchdogAShortJobIsStillHeldForWhatRemainsOfTheMinimum() throws Exception {
        Job a = nodes.start(Job.class).select(Job.class).get();
        LockProvider locks = nodes.start(Job.class).select(LockProvider.class).get();
        long started = System.nanoTime();
        a.keptAlive("1", 150); // the watchdog extended it to 300 ms at about 100 ms: about 250 ms left now
        // at most 300 - 150 ms of the minimum, plus the interceptor's rounding up (1 ms) and the clock's (1 ms)
        assertThat(locks.inspect("kept-1")).map(LockInfo::remaining).as("what remains of the minimum, not the "
                + "watchdog's TTL").hasValueSatisfying(left -> assertThat(left.toMillis()).isBetween(1L, 152L));
        long freed = awaitFree(locks, "kept-1");
        assertThat(Duration.ofNanos(freed - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300))
                .isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aWatchdogJobThatOutlivesItsTtlAndTheMinimumIsReleasedWhenItEnds() throws Exception {
        Job a = nodes.start(Job.class).select(Job.class).get();
        LockProvider locks = nodes.start(Job.class).select(LockProvider.class).get();
        Future<?> running = pool.submit(() -> {
            a.keptAlive("2", 900);
            return null;
        });
        Thread.sleep(600);
        assertThat(locks.inspect("kept-2")).as("twice the TTL: kept by the watchdog").isPresent();
        running.get(5, TimeUnit.SECONDS);
        assertThat(locks.inspect("kept-2")).as("the minimum is over: released, not extended").isEmpty();
    }

    private static LockedPlan plan(String method, Class<?>... parameters) throws NoSuchMethodException {
        java.lang.reflect.Method m = Job.class.getMethod(method, parameters);
        return LockedPlan.of(m.getAnnotation(org.gogoscope.api.annotation.Locked.class), m);
    }

    private static long awaitFree(LockProvider locks, String key) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (locks.inspect(key).isPresent()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(key + " still held after 10 s");
            }
            Thread.sleep(10);
        }
        return System.nanoTime();
    }
}
