package org.gogoscope.interceptors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.naming.NoInitialContextException;
import org.gogoscope.interceptors.ContainerExecutors.Kind;
import org.gogoscope.interceptors.ContainerExecutors.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which executor the interceptors' background work runs on: the container's where one is found, else threads of
 * the application; and what stopping does to each. The "container" here is a plain JDK pool standing in for a
 * managed executor (they are {@code ExecutorService}s to this code); the real ones are exercised by the redeploy
 * tests on WildFly and Open Liberty.
 */
class ContainerExecutorsTest {

    private final ScheduledExecutorService server = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "server-managed");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stopServer() {
        server.shutdownNow();
    }

    @Test
    void theFirstSourceWithAnExecutorOfTheRightKindWinsAndFailingSourcesAreSkipped() {
        Source noNaming = kind -> {
            throw new NoInitialContextException("no naming service");
        };
        Source noApi = kind -> {
            throw new NoClassDefFoundError("jakarta/enterprise/concurrent/ManagedExecutorService");
        };
        Source nothing = kind -> null;
        Source plainOnly = kind -> Executors.newSingleThreadExecutor(); // never asked to run anything
        Source theServer = kind -> server;

        assertThat(ContainerExecutors.find(Kind.SCHEDULED, List.of(noNaming, noApi, nothing, theServer)))
                .isSameAs(server);
        assertThat(ContainerExecutors.find(Kind.SCHEDULED, List.of(plainOnly)))
                .as("a scheduled executor is needed for the watchdog").isNull();
        assertThat(ContainerExecutors.find(Kind.PLAIN, List.of(theServer, plainOnly))).isSameAs(server);
        assertThat(ContainerExecutors.find(Kind.PLAIN, List.of(noNaming, noApi, nothing))).isNull();
    }

    @Test
    void withoutAContainerTheDefaultSourcesFindNothing() {
        // no CDI container running and no naming service: what Quarkus, Helidon and Weld SE look like here
        assertThat(ContainerExecutors.find(Kind.SCHEDULED, ContainerExecutors.sources("container"))).isNull();
        assertThat(ContainerExecutors.find(Kind.PLAIN, ContainerExecutors.sources("container"))).isNull();
        assertThat(ContainerExecutors.sources("container")).hasSize(2);
        assertThat(ContainerExecutors.sources("owned")).as("gogoscope.executors=owned looks nowhere").isEmpty();
    }

    @Test
    void tasksRunOnTheContainersExecutorAndStoppingCancelsThemButNeverShutsItDown() throws Exception {
        ContainerExecutors executors = ContainerExecutors.of(Kind.SCHEDULED, "gogoscope-test", List.of(kind -> server));
        assertThat(executors.usesContainer()).isTrue();
        AtomicReference<String> ranOn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        executors.execute(() -> {
            ranOn.set(Thread.currentThread().getName());
            ran.countDown();
        });
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn.get()).isEqualTo("server-managed");

        AtomicInteger ticks = new AtomicInteger();
        ScheduledFuture<?> periodic = executors.scheduleAtFixedRate(ticks::incrementAndGet, 10, 10,
                TimeUnit.MILLISECONDS);
        CountDownLatch blocked = new CountDownLatch(1);
        AtomicReference<Boolean> interrupted = new AtomicReference<>(false);
        executors.execute(() -> {
            blocked.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ticks.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(ticks.get()).isGreaterThanOrEqualTo(2);

        executors.stop(true);
        assertThat(periodic.isCancelled()).isTrue();
        int afterStop = ticks.get();
        Thread.sleep(100);
        assertThat(ticks.get()).as("no tick after stop").isLessThanOrEqualTo(afterStop + 1);
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!interrupted.get() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(interrupted.get()).as("a running task was cancelled with an interrupt").isTrue();
        assertThat(server.isShutdown()).as("the container's executor is the server's").isFalse();
        assertThatThrownBy(() -> executors.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> executors.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.SECONDS))
                .isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void whenTheContainerRefusesATaskItRunsOnAnOwnThread() throws Exception {
        ExecutorService refusing = Executors.newSingleThreadExecutor();
        refusing.shutdown(); // refuses every task, as a managed executor may for a thread it does not know
        ContainerExecutors executors = ContainerExecutors.of(Kind.PLAIN, "gogoscope-test", List.of(kind -> refusing));
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        executors.execute(() -> {
            ranOn.set(Thread.currentThread());
            ran.countDown();
        });
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn.get().getName()).isEqualTo("gogoscope-test");
        executors.stop(false);
        assertThat(executors.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        ranOn.get().join(10_000);
        assertThat(ranOn.get().isAlive()).isFalse();
    }

    @Test
    void withoutAContainerOwnedDaemonThreadsRunTheWorkAndEndWithStop() throws Exception {
        ContainerExecutors executors = ContainerExecutors.of(Kind.SCHEDULED, "gogoscope-test", List.of());
        assertThat(executors.usesContainer()).isFalse();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        ScheduledFuture<?> periodic = executors.scheduleAtFixedRate(() -> {
            ranOn.set(Thread.currentThread());
            ran.countDown();
        }, 1, 1, TimeUnit.MILLISECONDS);
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn.get().getName()).isEqualTo("gogoscope-test");
        assertThat(ranOn.get().isDaemon()).isTrue();

        executors.stop(true);
        assertThat(executors.isShutdown()).isTrue();
        assertThat(executors.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(periodic.isDone()).isTrue();
        ranOn.get().join(10_000);
        assertThat(ranOn.get().isAlive()).isFalse();
        assertThatThrownBy(() -> executors.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }
}
