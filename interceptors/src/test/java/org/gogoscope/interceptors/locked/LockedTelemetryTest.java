package org.gogoscope.interceptors.locked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.annotation.LockNotAcquiredException;
import org.gogoscope.core.telemetry.Telemetry;
import org.gogoscope.interceptors.Nodes;
import org.gogoscope.interceptors.locked.LockedBeans.Orders;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With a {@link Telemetry} bean in the deployment, {@code @Locked} reports each acquisition's wait (granted or
 * refused, named by the method) and its watchdog's extensions. (The stores here are the test's own producer, not
 * the CDI extension's, so no store-level events: those are proven in core and in gogoscope-telemetry.)
 */
class LockedTelemetryTest {

    @RegisterExtension
    final Nodes nodes = new Nodes();

    private static final String SHIP = Orders.class.getName() + ".ship";
    private static final String GUARDED = Orders.class.getName() + ".guarded";

    private final ExecutorService pool = Executors.newCachedThreadPool();

    /** The deployment's telemetry: records every event as text. */
    @ApplicationScoped
    public static class Recording implements Telemetry {
        private final List<String> events = new CopyOnWriteArrayList<>();

        /** Through a method: the test holds the client proxy, whose fields are not the bean's. */
        public List<String> events() {
            return events;
        }

        @Override
        public void lockWaited(String store, String method, long waitedNanos, boolean granted) {
            events.add("waited " + store + " " + method + " " + (granted ? "granted" : "refused"));
        }

        @Override
        public void watchdogExtended(String store, String method) {
            events.add("extended " + method);
        }

    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void waitsAndWatchdogExtensionsAreReportedByMethod() throws Exception {
        WeldContainer node = nodes.start(Orders.class, Recording.class);
        Orders orders = node.select(Orders.class).get();
        Recording recording = node.select(Recording.class).get();
        LockProvider locks = node.select(LockProvider.class).get();

        orders.ship("1");
        assertThat(recording.events()).containsExactly("waited default " + SHIP + " granted");

        recording.events().clear();
        locks.acquire("order-2", java.time.Duration.ofMinutes(1)).orElseThrow();
        assertThatThrownBy(() -> orders.ship("2")).isInstanceOf(LockNotAcquiredException.class);
        assertThat(recording.events()).containsExactly("waited default " + SHIP + " refused");

        recording.events().clear();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> {
            orders.guarded("3", entered, release);
            return null;
        });
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300); // the watchdog extends every ttl/3 = 50 ms
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        assertThat(recording.events()).contains("waited default " + GUARDED + " granted", "extended " + GUARDED);
    }
}
