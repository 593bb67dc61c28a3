package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Repeated boot and shutdown leaves no threads and no connections behind (memory and the tcp test backend). */
class LifecycleTest {

    @Test
    void bootAndShutdownManyTimesLeavesThreadsAndConnectionsAsTheyWere() throws InterruptedException {
        try (TcpServer server = new TcpServer()) {
            int port = Integer.parseInt(server.address().substring(server.address().lastIndexOf(':') + 1));
            Map<String, String> properties = Map.of(
                    "gogoscope.store.default.backend", "tcp",
                    "gogoscope.store.default.tcp.address", server.address(),
                    "gogoscope.store.fast.backend", "tcp",
                    "gogoscope.store.fast.tcp.address", server.address(),
                    "gogoscope.store.mem.backend", "memory",
                    "gogoscope.cache.store", "fast",
                    "gogoscope.checkpoints.store", "mem");
            int connectedBefore = TcpAdapterFactory.CONNECTED.get();
            int seen = LeakCheck.assertNoLeaks(properties, port);
            assertThat(seen).as("connections while up: default and fast").isEqualTo(2);
            assertThat(LeakCheck.awaitAtMost(server::openConnections, 0)).as("open at the server").isZero();
            assertThat(TcpAdapterFactory.CONNECTED.get()).isEqualTo(connectedBefore);
        }
    }
}
