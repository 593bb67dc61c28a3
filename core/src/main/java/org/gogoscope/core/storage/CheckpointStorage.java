package org.gogoscope.core.storage;

import java.util.List;
import java.util.Optional;
import org.gogoscope.core.KeyPattern;

/** Raw checkpoint operations, on full ids and task ids. */
public interface CheckpointStorage {

    /**
     * Upsert by id. If (taskId, sequence) belongs to another id, write nothing and return false.
     */
    boolean save(StoredCheckpoint checkpoint);

    Optional<StoredCheckpoint> load(String id);

    /** The checkpoint of {@code taskId} with the highest sequence. */
    Optional<StoredCheckpoint> loadLatest(String taskId);

    /** By ascending sequence. */
    List<StoredCheckpoint> list(String taskId);

    /** Keep the {@code keepCount} highest sequences, delete the rest; returns how many were deleted. */
    int cleanup(String taskId, int keepCount);

    int deleteAll(String taskId);

    /**
     * One bounded read of the tasks whose full task ids match {@code pattern}, in task-id order: at most
     * {@code limit} tasks after {@code cursor} ({@code null} for the first page), each with its highest sequence
     * and its number of checkpoints, read through the index on (task, sequence). A page may hold fewer than
     * {@code limit} matching tasks, even none, while more follow. The next cursor is the backend's (the last task
     * id read, a SCAN cursor), {@code null} when nothing more can follow. Changes nothing.
     */
    StoredPage<StoredTask> listTasks(KeyPattern pattern, String cursor, int limit);
}
