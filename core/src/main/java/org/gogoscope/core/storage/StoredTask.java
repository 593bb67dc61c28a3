package org.gogoscope.core.storage;

/**
 * One task's checkpoints, summarised by a backend's listing.
 *
 * @param taskId the full task id (prefix included)
 * @param latestSequence the highest sequence stored for it
 * @param checkpoints how many checkpoints it has
 */
public record StoredTask(String taskId, int latestSequence, int checkpoints) {
}
