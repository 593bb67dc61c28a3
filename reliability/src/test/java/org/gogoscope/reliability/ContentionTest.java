package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One lock key, {@value #NODES} nodes (separate pools) x {@value #THREADS_PER_NODE} threads each, on every
 * backend: the unsynchronised counter is exact, no two holders were ever inside at once, and fencing tokens
 * strictly increase from holder to holder. Sized for CI by {@code reliability.grants} (per backend) and
 * {@code reliability.maxSeconds}; {@code -Dreliability.grants=1000000 -Dreliability.maxSeconds=7200} is the
 * long run by hand ({@code -Dreliability.backends=sqlite,redis} to take some backends only).
 */
class ContentionTest {

    static final int NODES = 3;
    static final int THREADS_PER_NODE = 4;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.gogoscope.reliability.Backends#selected")
    void oneKeyManyNodesManyThreadsExactCountAndIncreasingTokens(Backends backend) throws Exception {
        long target = LockContention.longProperty("reliability.grants", 1000);
        Duration maxTime = LockContention.seconds("reliability.maxSeconds", 60);
        String prefix = Backends.freshPrefix("contention");
        List<PersistenceAdapter> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < NODES; i++) {
                nodes.add(backend.connectedNode(prefix));
            }
            LockContention.Result result = LockContention.run(nodes, THREADS_PER_NODE, target, maxTime, "the-one-key",
                    Duration.ofSeconds(30));
            System.out.printf("CONTENTION %-10s nodes=%d threads=%d grants=%d attempts=%d time=%dms grants/s=%.0f "
                    + "doubleGrants=%d tokenRegressions=%d lostReleases=%d counter=%d%n", backend, NODES,
                    NODES * THREADS_PER_NODE, result.grants(), result.attempts(), LockContention.millis(result.nanos()),
                    result.grantsPerSecond(), result.doubleGrants(), result.tokenRegressions(), result.lostReleases(),
                    result.counter());
            if (result.failure() != null) {
                throw new AssertionError("a contender failed on " + backend, result.failure());
            }
            assertThat(result.doubleGrants()).as("double grants").isZero();
            assertThat(result.tokenRegressions()).as("fencing tokens not strictly increasing").isZero();
            assertThat(result.lostReleases()).as("holders whose release found the lock gone").isZero();
            assertThat(result.counter()).as("unsynchronised counter").isEqualTo(result.grants());
            // a livelocked or starved lock would make almost no progress in the time box
            assertThat(result.grants()).as("grants within %s", maxTime).isGreaterThanOrEqualTo(Math.min(target, 100));
        } finally {
            nodes.forEach(PersistenceAdapter::disconnect);
        }
    }
}
