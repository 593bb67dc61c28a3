package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A holder whose process is killed with SIGKILL (no release, no shutdown hook) blocks the lock, and its
 * idempotency claim, only until the TTL runs out: not a moment earlier (the grant happened after the child's
 * {@code before} timestamp) and not much later. Both JVMs read the same monotonic clock (Linux
 * CLOCK_MONOTONIC), so the child's timestamps are comparable with ours.
 */
class DeadHolderTest {

    private static final long TTL_MS = 3000;
    /** Clock granularity and rounding of the backends (SQLite and the Mongo stand-in count milliseconds). */
    private static final long EARLY_TOLERANCE_MS = 50;
    private static final long LATE_SLACK_MS = 2500;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Backends.class, names = {"SQLITE", "POSTGRESQL", "MARIADB", "REDIS", "MONGODB"})
    void aKilledHolderBlocksOthersOnlyUntilItsTtlRunsOut(Backends backend) throws Exception {
        String prefix = Backends.freshPrefix("dead");
        String file = "target/reliability/dead-holder.db";
        try (PersistenceAdapter survivor = backend == Backends.SQLITE
                ? ChildAdapters.open(ChildAdapters.spec(backend, file), prefix) : backend.connectedNode(prefix);
                ChildJvm holder = new ChildJvm(LockHolderMain.class, ChildAdapters.spec(backend, file), prefix, "job",
                        Long.toString(TTL_MS))) {
            String[] held = holder.awaitLine("HELD", 60_000).split(" ");
            long deadToken = Long.parseLong(held[1]);
            long before = Long.parseLong(held[2]);
            long after = Long.parseLong(held[3]);
            assertThat(survivor.locks().acquire("job", Duration.ofSeconds(30), "survivor")).as("held by the child")
                    .isEmpty();
            holder.kill9();
            long killed = System.nanoTime();

            LockHandle granted = null;
            long grantedAt = 0;
            int refusals = 0;
            while (granted == null && System.nanoTime() < after + (TTL_MS + LATE_SLACK_MS) * 1_000_000) {
                Optional<LockHandle> attempt = survivor.locks().acquire("job", Duration.ofSeconds(30), "survivor");
                if (attempt.isPresent()) {
                    granted = attempt.get();
                    grantedAt = System.nanoTime();
                } else {
                    refusals++;
                    Thread.sleep(20);
                }
            }
            assertThat(granted).as("lock free within TTL + %d ms of the dead holder's grant", LATE_SLACK_MS)
                    .isNotNull();
            long sinceBefore = (grantedAt - before) / 1_000_000;
            long lateBy = (grantedAt - after) / 1_000_000 - TTL_MS;
            System.out.printf("DEADHOLDER %-10s ttl=%dms killedAfter=%dms freeAfter=%dms (afterTtl=%+dms) "
                    + "refusalsWhileDeadHeld=%d deadToken=%d newToken=%d%n", backend, TTL_MS,
                    (killed - after) / 1_000_000, sinceBefore, lateBy, refusals, deadToken, granted.fencingToken());
            assertThat(sinceBefore).as("not free before the TTL ran out").isGreaterThanOrEqualTo(TTL_MS
                    - EARLY_TOLERANCE_MS);
            assertThat(refusals).as("the dead holder blocked others for a while").isPositive();
            assertThat(granted.fencingToken()).isGreaterThan(deadToken);
            // The child claimed after it locked, so its lease may outlive the lock by a moment: poll, bounded.
            ClaimResult<String> claim;
            long claimDeadline = System.nanoTime() + (TTL_MS + LATE_SLACK_MS) * 1_000_000;
            while (!((claim = survivor.idempotency().claim("job", null, Duration.ofSeconds(30), String.class))
                    instanceof ClaimResult.Claimed) && System.nanoTime() < claimDeadline) {
                Thread.sleep(20);
            }
            assertThat(claim).as("the dead claimer's lease ran out too").isInstanceOf(ClaimResult.Claimed.class);
            granted.release();
        }
    }
}
