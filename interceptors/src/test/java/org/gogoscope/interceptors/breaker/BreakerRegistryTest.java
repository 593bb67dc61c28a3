package org.gogoscope.interceptors.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.gogoscope.interceptors.ContainerExecutors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.gogoscope.interceptors.breaker.BreakerBeans.Inventory;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.gogoscope.interceptors.Nodes;

/** The recorder threads of the shared breakers belong to the application: they stop when its container stops. */
class BreakerRegistryTest {

    @RegisterExtension
    final Nodes nodes = new Nodes();

    @Test
    void theRecorderPoolHasNamedDaemonThreadsAndIsShutDownWithTheContainer() throws Exception {
        WeldContainer node = nodes.start(Inventory.class);
        assertThat(node.select(Inventory.class).get().check(false)).isEqualTo("ok"); // the breaker exists now
        ContainerExecutors recorders = node.select(BreakerRegistry.class).get().recorders();
        AtomicReference<Thread> recorder = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        recorders.execute(() -> {
            recorder.set(Thread.currentThread());
            ran.countDown();
        });
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(recorder.get().getName()).isEqualTo("gogoscope-breaker-recorder");
        assertThat(recorder.get().isDaemon()).isTrue();
        assertThat(recorders.isShutdown()).isFalse();

        node.shutdown();
        assertThat(recorders.isShutdown()).isTrue();
        assertThat(recorders.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        recorder.get().join(TimeUnit.SECONDS.toMillis(10));
        assertThat(recorder.get().isAlive()).isFalse();
    }

    @Test
    void aRegistryStoppedBeforeItsFirstBreakerHandsOutAPoolThatRefusesWork() {
        BreakerRegistry registry = new BreakerRegistry();
        registry.stop();
        assertThat(registry.recorders().isShutdown()).isTrue();
    }
}
