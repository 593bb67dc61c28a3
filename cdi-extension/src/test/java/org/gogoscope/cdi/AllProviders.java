package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.CheckpointProvider;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.PersistenceAdapter;

/** An application bean that injects the six unqualified beans, as a user would. */
@Dependent
public class AllProviders {

    @Inject
    PersistenceAdapter adapter;
    @Inject
    LockProvider locks;
    @Inject
    CircuitBreakerStateProvider circuits;
    @Inject
    CacheProvider cache;
    @Inject
    CheckpointProvider checkpoints;
    @Inject
    IdempotencyProvider idempotency;

    /** Uses each of the five providers once and checks what it answers; keys are unique per call. */
    void exercise() {
        String id = UUID.randomUUID().toString();

        Optional<LockHandle> first = locks.acquire("lock-" + id, Duration.ofSeconds(30));
        assertThat(first).as("first acquire").isPresent();
        assertThat(locks.acquire("lock-" + id, Duration.ofSeconds(30))).as("second acquire").isEmpty();
        assertThat(first.get().release()).isTrue();
        Optional<LockHandle> again = locks.acquire("lock-" + id, Duration.ofSeconds(30));
        assertThat(again).as("acquire after release").isPresent();
        assertThat(again.get().fencingToken()).isGreaterThan(first.get().fencingToken());
        again.get().release();

        assertThat(circuits.recordFailure("cb-" + id, 5)).isEqualTo(1);
        assertThat(circuits.recordFailure("cb-" + id, 5)).isEqualTo(2);
        assertThat(circuits.getState("cb-" + id)).hasValueSatisfying(s -> assertThat(s.failureCount()).isEqualTo(2));

        cache.set("cache-" + id, "value-" + id, Duration.ofMinutes(1));
        assertThat(cache.get("cache-" + id, String.class)).contains("value-" + id);
        assertThat(cache.delete("cache-" + id)).isTrue();

        checkpoints.save(Checkpoint.of("task-" + id, 1, 50, "half"));
        assertThat(checkpoints.loadLatest("task-" + id, String.class))
                .hasValueSatisfying(c -> assertThat(c.data()).isEqualTo("half"));
        assertThat(checkpoints.deleteAll("task-" + id)).isEqualTo(1);

        ClaimResult<String> claim = idempotency.claim("idem-" + id, "fp", Duration.ofSeconds(30), String.class);
        assertThat(claim).isInstanceOf(ClaimResult.Claimed.class);
        assertThat(idempotency.complete("idem-" + id, ((ClaimResult.Claimed<String>) claim).claimToken(), "done",
                Duration.ofMinutes(1))).isTrue();
        assertThat(idempotency.claim("idem-" + id, "fp", Duration.ofSeconds(30), String.class))
                .isEqualTo(new ClaimResult.Completed<>("done"));
    }
}
