package org.gogoscope.api;

import java.util.Objects;

/**
 * One task's checkpoints, as {@link CheckpointProvider#listTasks} summarised them.
 *
 * @param taskId the task's id, without the store's key prefix
 * @param latestSequence the highest sequence stored ({@link CheckpointProvider#loadLatest} loads it)
 * @param checkpoints how many checkpoints the task has
 */
public record TaskInfo(String taskId, int latestSequence, int checkpoints) {

    public TaskInfo {
        Objects.requireNonNull(taskId, "taskId");
    }
}
