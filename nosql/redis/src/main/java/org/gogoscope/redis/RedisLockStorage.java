package org.gogoscope.redis;

import java.util.List;
import java.util.OptionalLong;
import org.gogoscope.core.storage.LockStorage;

/**
 * Locks: each operation is one script ({@code EVALSHA}) or one command, i.e. one round trip. A lock's fencing
 * counter expires with the lock (see {@code lock_acquire.lua} for why tokens still only grow).
 */
final class RedisLockStorage implements LockStorage {

    private final RedisClient client;
    private final RedisKeys keys;

    RedisLockStorage(RedisClient client, RedisKeys keys) {
        this.client = client;
        this.keys = keys;
    }

    @Override
    public OptionalLong tryAcquire(String key, String owner, long ttlMillis) {
        Object token = client.eval(RedisScript.LOCK_ACQUIRE, List.of(keys.lock(key), keys.fence(key)),
                List.of(owner, Long.toString(ttlMillis)));
        return token == null ? OptionalLong.empty() : OptionalLong.of((Long) token);
    }

    @Override
    public boolean extend(String key, String owner, long ttlMillis) {
        return isOne(client.eval(RedisScript.LOCK_EXTEND, List.of(keys.lock(key), keys.fence(key)),
                List.of(owner, Long.toString(ttlMillis))));
    }

    @Override
    public boolean release(String key, String owner) {
        return isOne(client.eval(RedisScript.LOCK_RELEASE, List.of(keys.lock(key)), List.of(owner)));
    }

    /** Deletes the lock only; its fencing counter expires with the TTL of the last grant or extension. */
    @Override
    public boolean forceRelease(String key) {
        String lock = keys.lock(key);
        return client.call(j -> j.del(lock)) == 1L;
    }

    static boolean isOne(Object reply) {
        return Long.valueOf(1L).equals(reply);
    }
}
