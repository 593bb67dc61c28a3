package org.gogoscope.core.memory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.CheckpointStorage;
import org.gogoscope.core.storage.StoredCheckpoint;
import org.gogoscope.core.storage.StoredPage;
import org.gogoscope.core.storage.StoredTask;

/** Checkpoints are few and rarely written: one monitor over the map keeps the two unique keys consistent. */
final class MemoryCheckpointStorage implements CheckpointStorage {

    private final MemoryBackend backend;

    MemoryCheckpointStorage(MemoryBackend backend) {
        this.backend = backend;
    }

    @Override
    public boolean save(StoredCheckpoint checkpoint) {
        synchronized (backend.checkpoints) {
            boolean taken = backend.checkpoints.values().stream()
                    .anyMatch(other -> other.taskId().equals(checkpoint.taskId())
                            && other.sequence() == checkpoint.sequence() && !other.id().equals(checkpoint.id()));
            if (taken) {
                return false;
            }
            backend.checkpoints.put(checkpoint.id(), checkpoint);
            return true;
        }
    }

    @Override
    public Optional<StoredCheckpoint> load(String id) {
        return Optional.ofNullable(backend.checkpoints.get(id));
    }

    @Override
    public Optional<StoredCheckpoint> loadLatest(String taskId) {
        List<StoredCheckpoint> all = list(taskId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    @Override
    public List<StoredCheckpoint> list(String taskId) {
        synchronized (backend.checkpoints) {
            return backend.checkpoints.values().stream().filter(c -> c.taskId().equals(taskId))
                    .sorted(Comparator.comparingInt(StoredCheckpoint::sequence)).toList();
        }
    }

    @Override
    public int cleanup(String taskId, int keepCount) {
        synchronized (backend.checkpoints) {
            List<StoredCheckpoint> all = list(taskId);
            int delete = Math.max(0, all.size() - keepCount);
            for (StoredCheckpoint old : all.subList(0, delete)) {
                backend.checkpoints.remove(old.id());
            }
            return delete;
        }
    }

    @Override
    public int deleteAll(String taskId) {
        return cleanup(taskId, 0);
    }

    @Override
    public StoredPage<StoredTask> listTasks(KeyPattern pattern, String cursor, int limit) {
        Map<String, StoredTask> tasks = new HashMap<>();
        synchronized (backend.checkpoints) {
            for (StoredCheckpoint checkpoint : backend.checkpoints.values()) {
                tasks.merge(checkpoint.taskId(), new StoredTask(checkpoint.taskId(), checkpoint.sequence(), 1),
                        (a, b) -> new StoredTask(a.taskId(), Math.max(a.latestSequence(), b.latestSequence()),
                                a.checkpoints() + b.checkpoints()));
            }
        }
        return MemoryListing.page(tasks, pattern, cursor, limit, (taskId, task) -> task);
    }
}
