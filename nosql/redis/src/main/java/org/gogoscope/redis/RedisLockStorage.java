package org.gogoscope.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.LockStorage;
import org.gogoscope.core.storage.StoredLock;
import org.gogoscope.core.storage.StoredLockPage;

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

    @Override
    public Optional<StoredLock> inspect(String key) {
        return Optional.ofNullable(stored(key, client.eval(RedisScript.LOCK_INSPECT, List.of(keys.lock(key)),
                List.of())));
    }

    /**
     * One SCAN step (on one master) for the lock keys of the pattern, then one script per key found to read it.
     * The cursor is {@code <master>:<SCAN cursor>}, plus {@code :<n>} when the step found more than the limit and
     * the next page resumes the same step after its first {@code n} keys. SCAN may return a key twice.
     */
    @Override
    public StoredLockPage list(KeyPattern pattern, String cursor, int limit) {
        KeyPattern locks = keys.lockPattern(pattern.glob());
        String scanGlob = keys.lockPattern(pattern.glob().replace('?', '*')).toRedisGlob();
        String position = cursor;
        int skip = 0;
        if (cursor != null && cursor.chars().filter(c -> c == ':').count() == 2) {
            int last = cursor.lastIndexOf(':');
            position = cursor.substring(0, last);
            skip = Integer.parseInt(cursor.substring(last + 1));
        }
        RedisClient.ScanStep step = client.scanStep(scanGlob, position, Math.max(limit, 100));
        List<String> found = new ArrayList<>();
        for (String redisKey : step.keys()) {
            if (locks.matches(redisKey)) {
                found.add(redisKey);
            }
        }
        List<StoredLock> page = new ArrayList<>();
        int end = Math.min(found.size(), skip + limit);
        for (String redisKey : found.subList(Math.min(skip, found.size()), end)) {
            String key = keys.fromLock(redisKey);
            StoredLock lock = stored(key, client.eval(RedisScript.LOCK_INSPECT, List.of(redisKey), List.of()));
            if (lock != null) {
                page.add(lock);
            }
        }
        String next = end < found.size() ? (position == null ? "0:0" : position) + ":" + end : step.next();
        return new StoredLockPage(page, next);
    }

    private static StoredLock stored(String key, Object reply) {
        if (!(reply instanceof List<?> fields)) {
            return null;
        }
        return new StoredLock(key, String.valueOf(fields.get(0)), (Long) fields.get(1), (Long) fields.get(2));
    }

    static boolean isOne(Object reply) {
        return Long.valueOf(1L).equals(reply);
    }
}
