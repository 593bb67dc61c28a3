package org.gogoscope.api;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoints of long tasks. A checkpoint is identified by its id; the pair (taskId, sequence) is unique too.
 * The checkpoint's id and taskId are keys in the sense of the package documentation (prefixed, length-checked).
 *
 * <p>{@code save} of an id that exists replaces that checkpoint. {@code save} of a new id whose
 * (taskId, sequence) is already taken by another id throws {@link IllegalArgumentException} and changes
 * nothing. A save that returned is durable as far as the backend's configuration is.
 */
public interface CheckpointProvider {

    /** Stores {@code checkpoint}, its data as JSON. */
    void save(Checkpoint<?> checkpoint);

    /** The checkpoint with {@code checkpointId}, its data read into {@code dataType}. */
    <T> Optional<Checkpoint<T>> load(String checkpointId, Class<T> dataType);

    /** Like {@link #load(String, Class)} for generic data types. */
    <T> Optional<Checkpoint<T>> load(String checkpointId, Type dataType);

    /** The checkpoint of {@code taskId} with the highest sequence. */
    <T> Optional<Checkpoint<T>> loadLatest(String taskId, Class<T> dataType);

    /** Like {@link #loadLatest(String, Class)} for generic data types. */
    <T> Optional<Checkpoint<T>> loadLatest(String taskId, Type dataType);

    /** All checkpoints of {@code taskId}, by ascending sequence. */
    <T> List<Checkpoint<T>> list(String taskId, Class<T> dataType);

    /**
     * Deletes all but the {@code keepCount} checkpoints of {@code taskId} with the highest sequences.
     *
     * @param keepCount {@code >= 0}; 0 deletes all
     * @return how many checkpoints were deleted
     */
    int cleanup(String taskId, int keepCount);

    /** Deletes every checkpoint of {@code taskId}. @return how many were deleted */
    int deleteAll(String taskId);

    /**
     * One page of the tasks that have checkpoints, under this provider's key prefix, whose task ids match {@code
     * pattern}, in the glob syntax of {@link CacheProvider#keys(String)}. Each page is one bounded read of at most
     * {@code limit} stored tasks (index range, SCAN page or anchored query), never a walk of everything stored; a page
     * may hold fewer than {@code limit} items, even none, while more follow. Records written or removed while the
     * listing pages through may or may not appear; none appears twice. Changes nothing.
     *
     * @param cursor {@code null} for the first page, else the {@link Page#next()} of the previous page
     * @param limit the most tasks one page reads, 1 to 1000
     */
    Page<TaskInfo> listTasks(String pattern, String cursor, int limit);
}
