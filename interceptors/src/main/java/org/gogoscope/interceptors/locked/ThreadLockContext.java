package org.gogoscope.interceptors.locked;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.annotation.CurrentLock;

/** {@link CurrentLock} over a per-thread stack of the handles {@code @Locked} methods hold. */
@ApplicationScoped
public class ThreadLockContext implements CurrentLock {

    private static final ThreadLocal<Deque<LockHandle>> HELD = ThreadLocal.withInitial(ArrayDeque::new);

    @Override
    public Optional<LockHandle> handle() {
        return Optional.ofNullable(HELD.get().peek());
    }

    @Override
    public long fencingToken() {
        return handle().orElseThrow(() -> new IllegalStateException(
                "no @Locked method runs on this thread, so there is no fencing token")).fencingToken();
    }

    static void push(LockHandle handle) {
        HELD.get().push(handle);
    }

    static void pop() {
        Deque<LockHandle> held = HELD.get();
        held.pop();
        if (held.isEmpty()) {
            HELD.remove();
        }
    }
}
