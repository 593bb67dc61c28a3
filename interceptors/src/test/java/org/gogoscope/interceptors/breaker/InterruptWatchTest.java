package org.gogoscope.interceptors.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InterruptWatchTest {

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    /** Interrupts {@code target} from another thread once it is sleeping; returns that thread. */
    private static Thread interruptLater(Thread target, AtomicReference<Boolean> reportedBeforeInterruptReturned,
            AtomicInteger reports) {
        Thread interrupter = new Thread(() -> {
            while (target.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
            target.interrupt();
            reportedBeforeInterruptReturned.set(reports.get() == 1);
        });
        interrupter.start();
        return interrupter;
    }

    private static void sleepSwallowingInterrupt() {
        try {
            Thread.sleep(10_000);
        } catch (InterruptedException swallowed) {
            // the flag is now clear, as in methods that ignore interrupts
        }
    }

    @Test
    void aSwallowedInterruptIsReportedInTheInterruptingThreadBeforeInterruptReturns() throws Exception {
        AtomicInteger reports = new AtomicInteger();
        AtomicReference<Thread> reportedIn = new AtomicReference<>();
        AtomicReference<Boolean> beforeReturn = new AtomicReference<>();
        InterruptWatch watch = InterruptWatch.install(() -> {
            reports.incrementAndGet();
            reportedIn.set(Thread.currentThread());
        });
        Thread interrupter = interruptLater(Thread.currentThread(), beforeReturn, reports);
        sleepSwallowingInterrupt();
        interrupter.join();

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(watch.remove()).isTrue();
        assertThat(reports).hasValue(1);
        assertThat(reportedIn.get()).isSameAs(interrupter);
        assertThat(beforeReturn.get()).isTrue();
    }

    @Test
    void withoutAnInterruptNothingIsReported() {
        AtomicInteger reports = new AtomicInteger();
        InterruptWatch watch = InterruptWatch.install(reports::incrementAndGet);
        assertThat(watch.remove()).isFalse();
        assertThat(reports).hasValue(0);
        Thread.currentThread().interrupt(); // after remove: not watched any more
        assertThat(reports).hasValue(0);
    }

    @Test
    void anInterruptFromBeforeTheSectionIsNotReported() {
        AtomicInteger reports = new AtomicInteger();
        Thread.currentThread().interrupt();
        InterruptWatch watch = InterruptWatch.install(reports::incrementAndGet);
        assertThat(watch.remove()).isFalse();
        assertThat(reports).hasValue(0);
        assertThat(Thread.currentThread().isInterrupted()).as("the flag is left as it was").isTrue();
    }

    @Test
    void anInterruptFlagLeftSetByTheSectionIsReportedByRemove() {
        AtomicInteger reports = new AtomicInteger();
        InterruptWatch watch = InterruptWatch.install(reports::incrementAndGet);
        Thread.currentThread().interrupt(); // the section's own thread: reported when it is removed
        assertThat(watch.remove()).isTrue();
    }

    @Test
    void watchesNestAndAnInterruptInsideTheInnerOneReachesBoth() throws Exception {
        AtomicInteger outerReports = new AtomicInteger();
        AtomicInteger innerReports = new AtomicInteger();
        InterruptWatch outer = InterruptWatch.install(outerReports::incrementAndGet);
        InterruptWatch inner = InterruptWatch.install(innerReports::incrementAndGet);
        Thread interrupter = interruptLater(Thread.currentThread(), new AtomicReference<>(), innerReports);
        sleepSwallowingInterrupt();
        interrupter.join();

        assertThat(inner.remove()).isTrue();
        assertThat(outer.remove()).isTrue();
        assertThat(innerReports).hasValue(1);
        assertThat(outerReports).hasValue(1);
    }

    @Test
    void removingAnInnerWatchReArmsTheOuterOne() throws Exception {
        AtomicInteger outerReports = new AtomicInteger();
        CountDownLatch reported = new CountDownLatch(1);
        InterruptWatch outer = InterruptWatch.install(() -> {
            outerReports.incrementAndGet();
            reported.countDown();
        });
        InterruptWatch inner = InterruptWatch.install(() -> { });
        assertThat(inner.remove()).isFalse();

        Thread interrupter = interruptLater(Thread.currentThread(), new AtomicReference<>(), outerReports);
        sleepSwallowingInterrupt();
        interrupter.join();
        assertThat(reported.await(0, TimeUnit.SECONDS)).isTrue();
        assertThat(outer.remove()).isTrue();
        assertThat(outerReports).hasValue(1);
    }

    @Test
    void aFailingCallbackDoesNotReachTheInterruptingThread() throws Exception {
        InterruptWatch watch = InterruptWatch.install(() -> {
            throw new IllegalStateException("callback failed");
        });
        AtomicReference<Throwable> seenByInterrupter = new AtomicReference<>();
        Thread target = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                target.interrupt();
            } catch (Throwable t) {
                seenByInterrupter.set(t);
            }
        });
        interrupter.start();
        while (interrupter.isAlive()) {
            Thread.onSpinWait(); // not join(): this thread's interrupt flag is set now
        }
        assertThat(seenByInterrupter.get()).isNull();
        assertThat(watch.remove()).isTrue();
    }
}
