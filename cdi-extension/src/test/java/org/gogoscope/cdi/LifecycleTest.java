package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Repeated boot and shutdown leaves no threads and no connections behind. */
class LifecycleTest {

    private static final int CYCLES = 30;

    @Test
    void bootAndShutdownManyTimesLeavesThreadsAndConnectionsAsTheyWere() throws InterruptedException {
        try (TcpServer server = new TcpServer()) {
            Map<String, String> properties = Map.of(
                    "gogoscope.store.default.backend", "memory",
                    "gogoscope.store.orders.backend", "tcp",
                    "gogoscope.store.orders.tcp.address", server.address(),
                    "gogoscope.store.fast.backend", "tcp",
                    "gogoscope.store.fast.tcp.address", server.address());
            cycle(properties); // warm up: class loading, JUL, the JIT may start threads once per JVM
            awaitAtMost(server::openConnections, 0);
            Set<String> threadsBefore = threadNames();
            int connectedBefore = TcpAdapterFactory.CONNECTED.get();

            for (int i = 0; i < CYCLES; i++) {
                cycle(properties);
            }

            assertThat(awaitAtMost(server::openConnections, 0)).as("connections open at the server").isZero();
            assertThat(TcpAdapterFactory.CONNECTED.get()).isEqualTo(connectedBefore);
            assertThat(awaitAtMost(() -> threadNames().size(), threadsBefore.size()))
                    .as("live threads; new ones: %s", difference(threadNames(), threadsBefore))
                    .isLessThanOrEqualTo(threadsBefore.size());
        }
    }

    private static void cycle(Map<String, String> properties) {
        try (Boot boot = Boot.start(properties, OrdersUser.class, AllProviders.class)) {
            boot.bean(AllProviders.class).exercise();
            assertThat(boot.bean(OrdersUser.class).orderLocks
                    .acquire("cycle-" + System.nanoTime(), java.time.Duration.ofSeconds(5))).isPresent();
        }
    }

    /** Waits up to 10 s for {@code value} to drop to {@code target}; returns the last value seen. */
    private static int awaitAtMost(IntSupplier value, int target) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int seen = value.getAsInt();
        while (seen > target && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = value.getAsInt();
        }
        return seen;
    }

    private static Set<String> threadNames() {
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .map(info -> info.getThreadName() + "#" + info.getThreadId())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> difference(Set<String> after, Set<String> before) {
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        return added;
    }
}
