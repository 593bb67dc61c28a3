package org.gogoscope.redis;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.LockStorage;
import org.gogoscope.core.storage.StoredLock;
import org.gogoscope.core.storage.StoredPage;

/**
 * Locks: each operation is one script ({@code EVALSHA}) or one command, i.e. one round trip. A lock's fencing
 * counter expires with the lock (see {@code lock_acquire.lua} for why tokens still only grow).
 *
 * <p>With {@code waitReplicas > 0} an acquire and an extend send {@code WAIT} in the same pipeline as their script
 * (still one round trip). A grant that fewer replicas acknowledged in time is released (compare-and-delete, one
 * more round trip; a renewal by the owner that already held the lock is left as it is, since the earlier grant
 * still stands) and the acquire throws {@link ReplicaWaitException}; such an extension throws too and changes
 * nothing the caller relies on (its handle keeps the previous expiry, which replicas acknowledged). Release and
 * forceRelease do not wait: losing one in a failover only keeps a lock until its TTL.
 */
final class RedisLockStorage implements LockStorage {

    private final RedisClient client;
    private final RedisKeys keys;
    private final int waitReplicas;
    private final long waitTimeoutMillis;

    RedisLockStorage(RedisClient client, RedisKeys keys, int waitReplicas, long waitTimeoutMillis) {
        this.client = client;
        this.keys = keys;
        this.waitReplicas = waitReplicas;
        this.waitTimeoutMillis = waitTimeoutMillis;
    }

    @Override
    public OptionalLong tryAcquire(String key, String owner, long ttlMillis) {
        List<String> locked = List.of(keys.lock(key), keys.fence(key));
        List<String> args = List.of(owner, Long.toString(ttlMillis));
        if (waitReplicas == 0) {
            return token(client.eval(RedisScript.LOCK_ACQUIRE, locked, args));
        }
        RedisClient.Waited waited = client.evalAndWait(RedisScript.LOCK_ACQUIRE, locked, args, waitReplicas,
                waitTimeoutMillis);
        OptionalLong token = token(waited.reply());
        if (token.isEmpty() || waited.replicas() >= waitReplicas) {
            return token;
        }
        boolean renewal = isOne(((List<?>) waited.reply()).get(1));
        ReplicaWaitException unacknowledged = new ReplicaWaitException("granted on the master, but " + waited.replicas()
                + " of " + waitReplicas + " replicas acknowledged it within " + waitTimeoutMillis + " ms "
                + "(redis.wait-replicas); " + (renewal ? "the owner's earlier grant stands"
                        : "the grant was released") + ", since a failover could lose it");
        if (!renewal) {
            try {
                // this grant only: the same owner may have been granted a renewal since (another caller, same owner)
                client.eval(RedisScript.LOCK_RELEASE, List.of(keys.lock(key)),
                        List.of(owner, Long.toString(token.getAsLong())));
            } catch (RuntimeException e) {
                unacknowledged.addSuppressed(e); // the grant then expires with its TTL
            }
        }
        throw unacknowledged;
    }

    private static OptionalLong token(Object reply) {
        return reply == null ? OptionalLong.empty() : OptionalLong.of((Long) ((List<?>) reply).get(0));
    }

    @Override
    public boolean extend(String key, String owner, long ttlMillis) {
        List<String> locked = List.of(keys.lock(key), keys.fence(key));
        List<String> args = List.of(owner, Long.toString(ttlMillis));
        if (waitReplicas == 0) {
            return isOne(client.eval(RedisScript.LOCK_EXTEND, locked, args));
        }
        RedisClient.Waited waited = client.evalAndWait(RedisScript.LOCK_EXTEND, locked, args, waitReplicas,
                waitTimeoutMillis);
        if (isOne(waited.reply()) && waited.replicas() < waitReplicas) {
            throw new ReplicaWaitException("extended on the master, but " + waited.replicas() + " of " + waitReplicas
                    + " replicas acknowledged it within " + waitTimeoutMillis + " ms (redis.wait-replicas); "
                    + "a failover could lose the extension, so the lock's previous expiry still applies");
        }
        return isOne(waited.reply());
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
     * One page of {@link RedisClient#scanPage} (its cursor, its cost: usually one SCAN step on one master) over
     * the lock keys of the pattern, then {@code lock_inspect.lua} on each key found, pipelined: one round trip per
     * server, one more after {@code NOSCRIPT} (a script per key, one round trip each, before).
     */
    @Override
    public StoredPage<StoredLock> list(KeyPattern pattern, String cursor, int limit) {
        KeyPattern locks = keys.lockPattern(pattern.glob());
        RedisClient.ScanStep found = client.scanPage(RedisKeys.scanGlob(locks), locks::matches, cursor, limit);
        return found.page(client.evalEachKey(RedisScript.LOCK_INSPECT, found.keys(), List.of()),
                (redisKey, reply) -> stored(keys.fromLock(redisKey), reply));
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
