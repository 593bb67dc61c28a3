package org.gogoscope.core.storage;

/**
 * A checkpoint as a backend stores it: full id and task id (prefixed), times in epoch milliseconds, data as
 * JSON text, and {@code estimatedTimeRemainingMillis} {@code null} when absent.
 */
public record StoredCheckpoint(String id, String taskId, int sequence, long timestampMillis, int progress,
        String dataJson, Long estimatedTimeRemainingMillis) {
}
