package org.gogoscope.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.CheckpointProvider;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.api.TaskInfo;
import org.junit.jupiter.api.Test;

/** The {@link CheckpointProvider} contract. */
public abstract class CheckpointContract extends ContractSupport {

    private static Checkpoint<Item> checkpoint(String id, String task, int sequence) {
        return new Checkpoint<>(id, task, sequence, Instant.parse("2026-01-02T03:04:05.678Z").plusSeconds(sequence),
                Math.min(100, sequence * 10), new Item("step-" + sequence, sequence, List.of("s"), Map.of()),
                Duration.ofMillis(1234L * sequence));
    }

    @Test
    public void aSavedCheckpointLoadsBackWithEveryField() {
        CheckpointProvider checkpoints = node().checkpoints();
        Checkpoint<Item> saved = new Checkpoint<>("cp-1", "task", 3, Instant.parse("2026-01-02T03:04:05.678999Z"),
                42, new Item("x", 1, List.of("a", "b"), Map.of("k", 2.5)), Duration.ofSeconds(90));
        checkpoints.save(saved);
        Checkpoint<Item> loaded = node().checkpoints().load("cp-1", Item.class).orElseThrow();
        assertThat(loaded).isEqualTo(saved);
        assertThat(loaded.timestamp()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
        Checkpoint<String> noEstimate = new Checkpoint<>("cp-2", "task", 4, Instant.now(), 0, "state", null);
        checkpoints.save(noEstimate);
        assertThat(checkpoints.load("cp-2", String.class)).contains(noEstimate);
        assertThat(checkpoints.load("absent", String.class)).isEmpty();
    }

    @Test
    public void loadLatestIsTheHighestSequenceAndListIsOrdered() {
        CheckpointProvider checkpoints = node().checkpoints();
        for (int sequence : new int[] {2, 0, 11, 5, 1}) {
            checkpoints.save(checkpoint("t1-" + sequence, "t1", sequence));
        }
        checkpoints.save(checkpoint("t2-99", "t2", 99));
        assertThat(checkpoints.loadLatest("t1", Item.class).orElseThrow().sequence()).isEqualTo(11);
        assertThat(checkpoints.list("t1", Item.class)).extracting(Checkpoint::sequence).containsExactly(0, 1, 2, 5, 11);
        assertThat(checkpoints.loadLatest("none", Item.class)).isEmpty();
        assertThat(checkpoints.list("none", Item.class)).isEmpty();
    }

    @Test
    public void cleanupKeepsTheNewestAndDeleteAllRemovesOnlyThatTask() {
        CheckpointProvider checkpoints = node().checkpoints();
        for (int sequence = 0; sequence < 5; sequence++) {
            checkpoints.save(checkpoint("a-" + sequence, "a", sequence));
            checkpoints.save(checkpoint("b-" + sequence, "b", sequence));
        }
        assertThat(checkpoints.cleanup("a", 2)).isEqualTo(3);
        assertThat(checkpoints.list("a", Item.class)).extracting(Checkpoint::sequence).containsExactly(3, 4);
        assertThat(checkpoints.cleanup("a", 5)).isZero();
        assertThat(checkpoints.load("a-0", Item.class)).isEmpty();
        assertThat(checkpoints.deleteAll("a")).isEqualTo(2);
        assertThat(checkpoints.list("a", Item.class)).isEmpty();
        assertThat(checkpoints.list("b", Item.class)).hasSize(5);
        assertThat(checkpoints.cleanup("b", 0)).isEqualTo(5);
        assertThat(checkpoints.deleteAll("b")).isZero();
    }

    @Test
    public void savingAnExistingIdReplacesIt() {
        CheckpointProvider checkpoints = node().checkpoints();
        checkpoints.save(checkpoint("same", "t", 1));
        Checkpoint<String> replacement = new Checkpoint<>("same", "t", 2, Instant.now(), 100, "done", null);
        checkpoints.save(replacement);
        assertThat(checkpoints.load("same", String.class)).contains(replacement);
        assertThat(checkpoints.list("t", String.class)).containsExactly(replacement);
    }

    @Test
    public void anotherIdForATakenSequenceIsRejectedAndChangesNothing() {
        CheckpointProvider checkpoints = node().checkpoints();
        Checkpoint<Item> first = checkpoint("first", "t", 1);
        checkpoints.save(first);
        assertThatThrownBy(() -> checkpoints.save(checkpoint("second", "t", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence");
        assertThat(checkpoints.load("second", Item.class)).isEmpty();
        assertThat(checkpoints.list("t", Item.class)).containsExactly(first);
    }

    @Test
    public void genericDataRoundTrips() {
        CheckpointProvider checkpoints = node().checkpoints();
        List<Item> data = List.of(new Item("a", 1, List.of(), Map.of()));
        checkpoints.save(new Checkpoint<>("g", "t", 0, Instant.now(), 1, data, null));
        Checkpoint<List<Item>> loaded = checkpoints.<List<Item>>load("g",
                new CacheContract.ParameterizedTypeOf(List.class, Item.class)).orElseThrow();
        assertThat(loaded.data()).containsExactlyElementsOf(data);
    }

    @Test
    public void aPrefixIsolatesCheckpoints() {
        PersistenceAdapter mine = node();
        PersistenceAdapter theirs = node(otherPrefix());
        mine.checkpoints().save(checkpoint("id", "task", 1));
        theirs.checkpoints().save(checkpoint("id", "task", 2));
        assertThat(mine.checkpoints().list("task", Item.class)).extracting(Checkpoint::sequence).containsExactly(1);
        assertThat(theirs.checkpoints().deleteAll("task")).isEqualTo(1);
        assertThat(mine.checkpoints().load("id", Item.class)).isPresent();
    }

    @Test
    public void badInputIsRejectedNamingTheArgument() {
        PersistenceAdapter node = node();
        CheckpointProvider checkpoints = node.checkpoints();
        assertThatThrownBy(() -> checkpoints.cleanup("t", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keepCount");
        assertThatThrownBy(() -> checkpoints.save(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpoint");
        assertThatThrownBy(() -> new Checkpoint<>("id", "t", 0, Instant.now(), 101, "x", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("progress");
        assertThatThrownBy(() -> new Checkpoint<>("id", "t", -1, Instant.now(), 1, "x", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence");
        assertThatThrownBy(() -> checkpoints.save(new Checkpoint<>("id", "t", 0, Instant.now(), 1,
                new Item.Unmappable(), null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data");
        assertThatThrownBy(() -> checkpoints.loadLatest(" ", String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taskId");
        assertThatThrownBy(() -> checkpoints.save(new Checkpoint<>("i".repeat(node.maxKeyLength()), "t", 0,
                Instant.now(), 1, "x", null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThat(checkpoints.list("t", String.class)).isEmpty();
    }

    /**
     * Task ids of this test carry a part of its prefix: a SQL store keeps checkpoints without the key prefix by
     * default (as go-go-scope's Node adapters do), so every test's tasks share one table.
     */
    @Test
    public void listTasksSummarisesEveryTaskPageByPage() {
        String run = prefix.substring(0, prefix.length() - 1);
        CheckpointProvider checkpoints = node().checkpoints();
        for (int sequence : List.of(1, 2, 3)) {
            checkpoints.save(checkpoint(run + "-a-" + sequence, run + "-task-a", sequence));
        }
        checkpoints.save(checkpoint(run + "-b-5", run + "-task-b", 5));
        checkpoints.save(checkpoint(run + "-c-2", run + "-task-c", 2));
        checkpoints.save(checkpoint(run + "-c-7", run + "-task-c", 7));
        checkpoints.save(checkpoint(run + "-d-1", run + "-job-d", 1));
        CheckpointProvider other = node().checkpoints();

        List<TaskInfo> tasks = allPages(2, (cursor, limit) -> other.listTasks(run + "-task-*", cursor, limit));
        assertThat(tasks).containsExactlyInAnyOrder(new TaskInfo(run + "-task-a", 3, 3),
                new TaskInfo(run + "-task-b", 5, 1), new TaskInfo(run + "-task-c", 7, 2));
        assertThat(checkpoints.cleanup(run + "-task-a", 1)).isEqualTo(2);
        assertThat(checkpoints.deleteAll(run + "-task-b")).isEqualTo(1);
        assertThat(allPages(1000, (cursor, limit) -> other.listTasks(run + "-*", cursor, limit)))
                .containsExactlyInAnyOrder(new TaskInfo(run + "-task-a", 3, 1), new TaskInfo(run + "-task-c", 7, 2),
                        new TaskInfo(run + "-job-d", 1, 1));
        assertThatThrownBy(() -> other.listTasks("*", null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> other.listTasks(null, null, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pattern");
    }
}
