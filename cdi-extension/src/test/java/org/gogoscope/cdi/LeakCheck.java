package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Boots and shuts down a container many times with one configuration, using the stores each time, and checks
 * that live threads and this JVM's connections to the server return to their count before the cycles.
 */
final class LeakCheck {

    static final int CYCLES = 30;

    private LeakCheck() {
    }

    /**
     * @param serverPort the port whose connections are counted
     * @return the number of connections seen while a container was up (to prove the count sees them)
     */
    static int assertNoLeaks(Map<String, String> properties, int serverPort) throws InterruptedException {
        return assertNoLeaks(properties, () -> ProcessSockets.establishedTo(serverPort), name -> false);
    }

    /**
     * Like {@link #assertNoLeaks(Map, int)}, counting {@code connections} (sockets, open files) and not counting
     * threads for which {@code testServerThread} is true: those of a server the test itself runs in this JVM,
     * which starts its workers lazily.
     */
    static int assertNoLeaks(Map<String, String> properties, IntSupplier connections,
            Predicate<String> testServerThread) throws InterruptedException {
        cycle(properties, connections); // warm up: class loading and JVM-wide helpers start once
        int connectionsBefore = awaitAtMost(connections, 0);
        Set<String> threadsBefore = threadNames(testServerThread);

        int seenWhileUp = 0;
        for (int i = 0; i < CYCLES; i++) {
            seenWhileUp = Math.max(seenWhileUp, cycle(properties, connections));
        }

        assertThat(awaitAtMost(connections, connectionsBefore)).as("this JVM's connections")
                .isLessThanOrEqualTo(connectionsBefore);
        int threadsAfter = awaitAtMost(() -> threadNames(testServerThread).size(), threadsBefore.size());
        assertThat(threadsAfter).as("live threads; new ones: %s",
                        difference(threadNames(testServerThread), threadsBefore))
                .isLessThanOrEqualTo(threadsBefore.size());
        return seenWhileUp;
    }

    /** One boot, use of every provider, shutdown; returns the connections counted while up. */
    private static int cycle(Map<String, String> properties, IntSupplier connections) {
        try (Boot boot = Boot.start(properties, AllProviders.class)) {
            boot.bean(AllProviders.class).exercise();
            return connections.getAsInt();
        }
    }

    /** Waits up to 15 s for {@code value} to drop to {@code target}; returns the last value seen. */
    static int awaitAtMost(IntSupplier value, int target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int seen = value.getAsInt();
        while (seen > target && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = value.getAsInt();
        }
        return seen;
    }

    private static Set<String> threadNames(Predicate<String> ignored) {
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .filter(info -> !ignored.test(info.getThreadName()))
                .map(info -> info.getThreadName() + "#" + info.getThreadId())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> difference(Set<String> after, Set<String> before) {
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        return added;
    }
}
