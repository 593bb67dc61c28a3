package org.gogoscope.core;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.CheckpointProvider;
import org.gogoscope.api.Page;
import org.gogoscope.api.TaskInfo;
import org.gogoscope.core.storage.CheckpointStorage;
import org.gogoscope.core.storage.StoredCheckpoint;
import org.gogoscope.core.storage.StoredTask;

/** {@link CheckpointProvider} over a backend's {@link CheckpointStorage}. */
final class TypedCheckpointProvider implements CheckpointProvider {

    private final StorageAdapter adapter;

    TypedCheckpointProvider(StorageAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public void save(Checkpoint<?> checkpoint) {
        Args.notNull("checkpoint", checkpoint);
        KeySpace keys = adapter.keySpace();
        Duration eta = checkpoint.estimatedTimeRemaining();
        StoredCheckpoint stored = new StoredCheckpoint(keys.full("checkpoint.id", checkpoint.id()),
                keys.full("checkpoint.taskId", checkpoint.taskId()), checkpoint.sequence(),
                checkpoint.timestamp().toEpochMilli(), checkpoint.progress(),
                adapter.json().toJson("checkpoint.data", checkpoint.data()), eta == null ? null : eta.toMillis());
        CheckpointStorage storage = adapter.storages().checkpoints();
        boolean saved = adapter.call("checkpoint.save", () -> storage.save(stored));
        if (!saved) {
            throw new IllegalArgumentException("checkpoint.sequence " + checkpoint.sequence() + " of task '"
                    + checkpoint.taskId() + "' is already saved under another id than '" + checkpoint.id() + "'");
        }
        adapter.telemetry().checkpointSaved(adapter.store());
    }

    @Override
    public <T> Optional<Checkpoint<T>> load(String checkpointId, Class<T> dataType) {
        return load(checkpointId, (Type) dataType);
    }

    @Override
    public <T> Optional<Checkpoint<T>> load(String checkpointId, Type dataType) {
        String full = adapter.keySpace().full("checkpointId", checkpointId);
        Args.notNull("dataType", dataType);
        CheckpointStorage storage = adapter.storages().checkpoints();
        return adapter.call("checkpoint.load", () -> storage.load(full)).map(stored -> typed(stored, dataType));
    }

    @Override
    public <T> Optional<Checkpoint<T>> loadLatest(String taskId, Class<T> dataType) {
        return loadLatest(taskId, (Type) dataType);
    }

    @Override
    public <T> Optional<Checkpoint<T>> loadLatest(String taskId, Type dataType) {
        String full = adapter.keySpace().full("taskId", taskId);
        Args.notNull("dataType", dataType);
        CheckpointStorage storage = adapter.storages().checkpoints();
        return adapter.call("checkpoint.loadLatest", () -> storage.loadLatest(full))
                .map(stored -> typed(stored, dataType));
    }

    @Override
    public <T> List<Checkpoint<T>> list(String taskId, Class<T> dataType) {
        String full = adapter.keySpace().full("taskId", taskId);
        Args.notNull("dataType", dataType);
        CheckpointStorage storage = adapter.storages().checkpoints();
        List<StoredCheckpoint> stored = adapter.call("checkpoint.list", () -> storage.list(full));
        List<Checkpoint<T>> checkpoints = new ArrayList<>(stored.size());
        for (StoredCheckpoint each : stored) {
            checkpoints.add(typed(each, dataType));
        }
        return checkpoints;
    }

    @Override
    public int cleanup(String taskId, int keepCount) {
        String full = adapter.keySpace().full("taskId", taskId);
        Args.atLeast("keepCount", keepCount, 0);
        CheckpointStorage storage = adapter.storages().checkpoints();
        return adapter.call("checkpoint.cleanup", () -> storage.cleanup(full, keepCount));
    }

    @Override
    public int deleteAll(String taskId) {
        String full = adapter.keySpace().full("taskId", taskId);
        CheckpointStorage storage = adapter.storages().checkpoints();
        return adapter.call("checkpoint.deleteAll", () -> storage.deleteAll(full));
    }

    private <T> Checkpoint<T> typed(StoredCheckpoint stored, Type dataType) {
        KeySpace keys = adapter.keySpace();
        String id = keys.strip(stored.id());
        T data = adapter.json().fromJson("data of checkpoint '" + id + "'", stored.dataJson(), dataType);
        Long eta = stored.estimatedTimeRemainingMillis();
        return new Checkpoint<>(id, keys.strip(stored.taskId()), stored.sequence(),
                Instant.ofEpochMilli(stored.timestampMillis()), stored.progress(), data,
                eta == null ? null : Duration.ofMillis(eta));
    }

    @Override
    public Page<TaskInfo> listTasks(String pattern, String cursor, int limit) {
        CheckpointStorage storage = adapter.storages().checkpoints();
        return Listing.page(adapter, "checkpoint.listTasks", pattern, cursor, limit,
                matching -> storage.listTasks(matching, cursor, limit), StoredTask::taskId,
                task -> new TaskInfo(adapter.keySpace().strip(task.taskId()), task.latestSequence(),
                        task.checkpoints()));
    }
}
