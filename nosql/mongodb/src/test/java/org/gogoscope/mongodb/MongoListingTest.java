package org.gogoscope.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.CheckpointProvider;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.CircuitRecordInfo;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.InProgressClaim;
import org.gogoscope.api.Page;
import org.gogoscope.api.TaskInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A listing page is one bounded read: it reads at most {@code limit} stored documents, whatever they hold, and
 * is one command (a checkpoint page whose read was full, two: its last task is summarised whole).
 */
class MongoListingTest {

    private static final Duration TTL = Duration.ofMinutes(5);

    private final CommandCounter counter = new CommandCounter();
    private final String run = "ls" + System.nanoTime();
    private MongoAdapter adapter;

    @BeforeEach
    void connect() {
        adapter = new MongoAdapter(InProcessMongo.config().withCommandListener(counter), run + ":");
        adapter.connect();
    }

    @AfterEach
    void disconnect() {
        adapter.disconnect();
    }

    @Test
    void anIdempotencyPageReadsLimitRecordsOfAnyKindInOneAggregate() {
        IdempotencyProvider records = adapter.idempotency();
        for (String done : List.of("k:a", "k:b", "k:c", "k:d")) {
            records.set(done, "{}", TTL);
        }
        records.claim("k:z", null, TTL, String.class);
        AtomicReference<Page<InProgressClaim>> page = new AtomicReference<>();

        assertThat(counter.during(() -> page.set(records.listInProgress("k:*", null, 3)))).containsExactly("aggregate");
        assertThat(page.get().items()).isEmpty(); // three completed records read, none in progress
        assertThat(page.get().next()).isPresent();
        page.set(records.listInProgress("k:*", page.get().next().get(), 3));
        assertThat(page.get().items()).extracting(InProgressClaim::key).containsExactly("k:z");
        assertThat(page.get().next()).isEmpty();
    }

    @Test
    void aCheckpointPageReadsLimitCheckpointsAndSummarisesItsLastTaskWhole() {
        CheckpointProvider checkpoints = adapter.checkpoints();
        for (int sequence = 1; sequence <= 5; sequence++) {
            checkpoints.save(checkpoint(run + "-a", sequence));
        }
        checkpoints.save(checkpoint(run + "-b", 9));
        AtomicReference<Page<TaskInfo>> page = new AtomicReference<>();

        assertThat(counter.during(() -> page.set(checkpoints.listTasks(run + "-*", null, 2))))
                .containsExactly("aggregate", "aggregate");
        assertThat(page.get().items()).containsExactly(new TaskInfo(run + "-a", 5, 5));
        Optional<String> next = page.get().next();
        assertThat(counter.during(() -> page.set(checkpoints.listTasks(run + "-*", next.orElseThrow(), 2))))
                .containsExactly("aggregate");
        assertThat(page.get().items()).containsExactly(new TaskInfo(run + "-b", 9, 1));
        assertThat(page.get().next()).isEmpty();
    }

    @Test
    void aBreakerRecordPageIsOneFind() {
        CircuitBreakerStateProvider circuits = adapter.circuitBreakers();
        for (String key : List.of("svc:a", "svc:b", "svc:c")) {
            circuits.compareAndSetRecord(key, 0, "{}");
        }
        AtomicReference<Page<CircuitRecordInfo>> page = new AtomicReference<>();

        assertThat(counter.during(() -> page.set(circuits.listRecords("svc:*", null, 2)))).containsExactly("find");
        assertThat(page.get().items()).extracting(CircuitRecordInfo::key).containsExactly("svc:a", "svc:b");
        page.set(circuits.listRecords("svc:*", page.get().next().orElseThrow(), 2));
        assertThat(page.get().items()).extracting(CircuitRecordInfo::key).containsExactly("svc:c");
        assertThat(page.get().next()).isEmpty();
    }

    private static Checkpoint<String> checkpoint(String task, int sequence) {
        return new Checkpoint<>(task + "-" + sequence, task, sequence, Instant.now(), 0, "step", null);
    }
}
