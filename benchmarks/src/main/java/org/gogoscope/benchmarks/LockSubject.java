package org.gogoscope.benchmarks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import org.gogoscope.api.LockProvider;

/** One try to acquire a lock and, if granted, its release: what every lock benchmark measures. */
interface LockSubject {

    Duration TTL = Duration.ofSeconds(30);

    /** @return whether the lock was granted (and then released) */
    boolean acquireRelease(String key);

    /** Ours: {@code acquire} with a fresh owner, then {@code release} of the handle. */
    static LockSubject ours(LockProvider locks) {
        return key -> locks.acquire(key, TTL).map(handle -> handle.release() || true).orElse(false);
    }

    /** ShedLock: {@code lock} with lockAtMostFor = TTL and lockAtLeastFor = 0, then {@code unlock}. */
    static LockSubject shedLock(net.javacrumbs.shedlock.core.LockProvider provider) {
        return key -> provider.lock(new LockConfiguration(ClockProvider.now(), key, TTL, Duration.ZERO))
                .map(lock -> {
                    lock.unlock();
                    return true;
                }).orElse(false);
    }

    /** The raw floor: the acquire statement and, if granted, the release statement, with a unique owner. */
    static LockSubject raw(Raw raw) {
        AtomicLong owners = new AtomicLong();
        String node = Long.toHexString(System.nanoTime());
        return key -> {
            String owner = node + "-" + owners.incrementAndGet();
            if (raw.lockAcquire(key, owner, TTL.toMillis())) {
                raw.lockRelease(key, owner);
                return true;
            }
            return false;
        };
    }
}
