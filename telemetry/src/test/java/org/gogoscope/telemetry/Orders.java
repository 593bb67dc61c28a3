package org.gogoscope.telemetry;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;

/** An application bean using the default store's locks and cache, as a user's would. */
@Dependent
public class Orders {

    @Inject
    LockProvider locks;
    @Inject
    CacheProvider cache;

    /** One granted and one refused acquisition, a release, a cache hit and a cache miss. */
    void work() {
        LockHandle held = locks.acquire("order-42", Duration.ofMinutes(1), "node-a").orElseThrow();
        if (locks.acquire("order-42", Duration.ofMinutes(1), "node-b").isPresent()) {
            throw new AssertionError("order-42 granted twice");
        }
        held.release();
        cache.set("order:42", "shipped");
        cache.get("order:42", String.class).orElseThrow();
        if (cache.get("order:43", String.class).isPresent()) {
            throw new AssertionError("order:43 was never cached");
        }
    }

    /** Holds a lock until its TTL runs out. */
    void hold(String key) {
        locks.acquire(key, Duration.ofMinutes(1)).orElseThrow();
    }
}
