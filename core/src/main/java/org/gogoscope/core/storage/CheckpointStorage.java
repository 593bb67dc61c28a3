package org.gogoscope.core.storage;

import java.util.List;
import java.util.Optional;

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
}
