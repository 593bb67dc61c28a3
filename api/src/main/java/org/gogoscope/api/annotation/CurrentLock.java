package org.gogoscope.api.annotation;

import java.util.Optional;
import org.gogoscope.api.LockHandle;

/**
 * The lock a {@link Locked} method holds, as seen from the method's own thread: inject it
 * ({@code @Inject CurrentLock lock;}) and pass {@link #fencingToken()} to the resource you protect so that it
 * can refuse writes of a stale holder. Nested {@code @Locked} calls see their innermost lock. On other threads
 * (e.g. in a stage of a {@code CompletionStage}-returning method) nothing is bound: capture the token first.
 */
public interface CurrentLock {

    /** The innermost lock held by a {@code @Locked} method running on this thread. */
    Optional<LockHandle> handle();

    /**
     * The fencing token of {@link #handle()}.
     *
     * @throws IllegalStateException when no {@code @Locked} method runs on this thread
     */
    long fencingToken();
}
