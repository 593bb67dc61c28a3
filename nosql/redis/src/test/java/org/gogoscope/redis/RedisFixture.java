package org.gogoscope.redis;

import java.util.function.Function;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.core.KeySpace;

/**
 * The conformance kit's view of one Redis deployment: adapters as nodes, and what expiry does to the fencing
 * counters of free locks, done at once.
 */
record RedisFixture(Function<String, RedisAdapter> adapters) implements BackendFixture {

    @Override
    public PersistenceAdapter newAdapter(String keyPrefix) {
        return adapters.apply(keyPrefix);
    }

    /**
     * Deletes every fencing counter of the adapter's prefix whose lock is gone, as its expiry will (a counter
     * lives as long as the last grant or extension of its lock).
     */
    @Override
    public void forgetFreeLocks(PersistenceAdapter adapter) {
        RedisKeys keys = new RedisKeys(adapter.keyPrefix());
        String counters = new KeySpace(adapter.keyPrefix() + "fence:", Integer.MAX_VALUE).all().toRedisGlob();
        try (RedisClient client = new RedisClient(((RedisAdapter) adapter).config().open())) {
            client.scan(counters, batch -> {
                for (String counter : batch) {
                    String lock = keys.lockOfFence(counter);
                    if (lock != null && !client.call(j -> j.exists(lock))) {
                        client.call(j -> j.del(counter));
                    }
                }
            });
        }
    }
}
