package org.gogoscope.demo.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.gogoscope.api.CacheProvider;

/**
 * Who holds a lock, for the 409 answer of a refused call. A {@code LockProvider} tells a refused caller only "no";
 * the holder writes this note into the shared cache while it works (with a TTL, so a crashed holder's note goes
 * away with its lock) and removes it when done.
 */
@ApplicationScoped
public class LockHolders {

    /** The note a holder leaves: the node, its fencing token and since when it holds the lock. */
    public record Holder(String node, long fencingToken, Instant since) {
    }

    @Inject
    CacheProvider cache;

    @Inject
    Node node;

    public void holding(String lockKey, long fencingToken, Duration ttl) {
        cache.set(cacheKey(lockKey), new Holder(node.name(), fencingToken, Instant.now()), ttl);
    }

    public void released(String lockKey) {
        cache.delete(cacheKey(lockKey));
    }

    public Optional<Holder> holderOf(String lockKey) {
        return cache.get(cacheKey(lockKey), Holder.class);
    }

    private static String cacheKey(String lockKey) {
        return "lock-holder:" + lockKey;
    }
}
