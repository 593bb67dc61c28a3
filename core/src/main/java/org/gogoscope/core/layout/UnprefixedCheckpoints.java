package org.gogoscope.core.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.CheckpointStorage;
import org.gogoscope.core.storage.StoredCheckpoint;
import org.gogoscope.core.storage.StoredPage;
import org.gogoscope.core.storage.StoredTask;

/**
 * Checkpoints stored with ids and task ids as the application gave them, without the key prefix, as go-go-scope's
 * Node SQL adapters store them: adapters with different prefixes then share one task's checkpoints.
 */
final class UnprefixedCheckpoints implements CheckpointStorage {

    private final CheckpointStorage backend;
    private final String prefix;

    UnprefixedCheckpoints(CheckpointStorage backend, String prefix) {
        this.backend = backend;
        this.prefix = prefix;
    }

    @Override
    public boolean save(StoredCheckpoint checkpoint) {
        return backend.save(new StoredCheckpoint(stored(checkpoint.id()), stored(checkpoint.taskId()),
                checkpoint.sequence(), checkpoint.timestampMillis(), checkpoint.progress(), checkpoint.dataJson(),
                checkpoint.estimatedTimeRemainingMillis()));
    }

    @Override
    public Optional<StoredCheckpoint> load(String id) {
        return backend.load(stored(id)).map(this::full);
    }

    @Override
    public Optional<StoredCheckpoint> loadLatest(String taskId) {
        return backend.loadLatest(stored(taskId)).map(this::full);
    }

    @Override
    public List<StoredCheckpoint> list(String taskId) {
        List<StoredCheckpoint> stored = backend.list(stored(taskId));
        List<StoredCheckpoint> full = new ArrayList<>(stored.size());
        for (StoredCheckpoint checkpoint : stored) {
            full.add(full(checkpoint));
        }
        return full;
    }

    @Override
    public int cleanup(String taskId, int keepCount) {
        return backend.cleanup(stored(taskId), keepCount);
    }

    @Override
    public int deleteAll(String taskId) {
        return backend.deleteAll(stored(taskId));
    }

    private String stored(String fullKey) {
        return fullKey.substring(prefix.length());
    }

    private StoredCheckpoint full(StoredCheckpoint checkpoint) {
        return new StoredCheckpoint(prefix + checkpoint.id(), prefix + checkpoint.taskId(), checkpoint.sequence(),
                checkpoint.timestampMillis(), checkpoint.progress(), checkpoint.dataJson(),
                checkpoint.estimatedTimeRemainingMillis());
    }

    @Override
    public StoredPage<StoredTask> listTasks(KeyPattern pattern, String cursor, int limit) {
        StoredPage<StoredTask> page = backend.listTasks(pattern.withPrefix(stored(pattern.prefix())), cursor, limit);
        List<StoredTask> tasks = new ArrayList<>(page.items().size());
        for (StoredTask task : page.items()) {
            tasks.add(new StoredTask(prefix + task.taskId(), task.latestSequence(), task.checkpoints()));
        }
        return new StoredPage<>(tasks, page.next());
    }
}
