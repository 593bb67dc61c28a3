package org.gogoscope.api;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A saved point of progress of a long task, from which the task can resume.
 *
 * @param id unique identifier of this checkpoint
 * @param taskId the task this checkpoint belongs to
 * @param sequence position in the task's history, {@code >= 0}; unique per task; the latest checkpoint is the
 *     one with the highest sequence
 * @param timestamp when the checkpoint was taken (millisecond precision)
 * @param progress percent done, 0 to 100
 * @param data the task's state, stored as JSON (non-null)
 * @param estimatedTimeRemaining the task's own estimate, or {@code null} if it has none
 */
public record Checkpoint<T>(String id, String taskId, int sequence, Instant timestamp, int progress, T data,
        Duration estimatedTimeRemaining) {

    public Checkpoint {
        requireText(id, "id");
        requireText(taskId, "taskId");
        if (sequence < 0) {
            throw new IllegalArgumentException("checkpoint sequence must be >= 0, was " + sequence);
        }
        Objects.requireNonNull(timestamp, "checkpoint timestamp must not be null");
        timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("checkpoint progress must be between 0 and 100, was " + progress);
        }
        if (data == null) {
            throw new IllegalArgumentException("checkpoint data must not be null");
        }
        if (estimatedTimeRemaining != null) {
            if (estimatedTimeRemaining.isNegative()) {
                throw new IllegalArgumentException(
                        "checkpoint estimatedTimeRemaining must be >= 0, was " + estimatedTimeRemaining);
            }
            estimatedTimeRemaining = Duration.ofMillis(estimatedTimeRemaining.toMillis());
        }
    }

    /** A checkpoint with a random id, taken now, with no time estimate. */
    public static <T> Checkpoint<T> of(String taskId, int sequence, int progress, T data) {
        return new Checkpoint<>(UUID.randomUUID().toString(), taskId, sequence, Instant.now(), progress, data, null);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("checkpoint " + name + " must not be null or blank");
        }
    }
}
