package org.gogoscope.redis;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.KeySpace;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The Redis key layout of one adapter. {@code P} is the adapter's key prefix, {@code K} an application key;
 * {@code PK} is the full key (prefix and key, plain concatenation).
 * <pre>
 * lock:PK                        hash {owner, token}, expires with PX           (lock grant)
 * fence:{H}PK                    integer, never expires                          (fencing counter of lock:PK)
 * circuit:PK                     hash {state, failureCount, lastFailureTime, lastSuccessTime}, never expires
 * cache:PK                       string, the value's JSON, optional PX
 * idempotency:PK                 hash {status, token, fingerprint, result, expiresAt}, expires with PX
 * {checkpoint}:PT:S              hash {id, taskId, sequence, timestamp, progress, data, estimatedTimeRemaining}
 * {checkpoint}-index:PT          sorted set, member = checkpoint id, score = sequence
 * {checkpoint}-id:PI             hash {key, index}: where checkpoint I is stored
 * </pre>
 * The type segment comes first so that a prefix stays a literal string prefix of the full key: one
 * {@code SCAN MATCH cache:<escaped P>*} lists exactly the cache entries under {@code P}, including those of a
 * longer prefix, as the provider contract requires.
 *
 * <p>Keys one script touches share a Redis Cluster hash slot. The fencing counter carries the hash tag
 * {@code {H}} where {@code H} is exactly what Redis hashes of the lock key (the whole lock key when it has no
 * tag), so it lands in the lock's slot while locks stay spread over the cluster. All checkpoint keys share the
 * tag {@code {checkpoint}}, so saving, moving and deleting a checkpoint is one atomic script.
 */
final class RedisKeys {

    private static final int SLOTS = 16384;
    private static final AtomicReferenceArray<String> SLOT_TAGS = new AtomicReferenceArray<>(SLOTS);

    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    /** The application part of a full key (prefix stripped). */
    String app(String fullKey) {
        return fullKey.substring(prefix.length());
    }

    /** The full key (prefix added) of an application key. */
    String full(String appKey) {
        return prefix + appKey;
    }

    String lock(String fullKey) {
        return "lock:" + fullKey;
    }

    String fence(String fullKey) {
        return "fence:" + sameSlotTag(lock(fullKey)) + fullKey;
    }

    String circuit(String fullKey) {
        return "circuit:" + fullKey;
    }

    String cache(String fullKey) {
        return "cache:" + fullKey;
    }

    /** The full key of a cache entry's Redis key. */
    String fromCache(String redisKey) {
        return redisKey.substring("cache:".length());
    }

    /** The cache keys matching {@code glob} (the library's glob grammar) under this prefix. */
    KeyPattern cachePattern(String glob) {
        return new KeySpace("cache:" + prefix, Integer.MAX_VALUE).pattern("pattern", glob);
    }

    String idempotency(String fullKey) {
        return "idempotency:" + fullKey;
    }

    String checkpoint(String appTaskId, int sequence) {
        return "{checkpoint}:" + prefix + appTaskId + ":" + sequence;
    }

    String checkpointIndex(String appTaskId) {
        return "{checkpoint}-index:" + prefix + appTaskId;
    }

    String checkpointId(String appId) {
        return "{checkpoint}-id:" + prefix + appId;
    }

    /** What Redis Cluster hashes of {@code key}: the content of its hash tag, or the whole key. */
    static String hashedPart(String key) {
        int open = key.indexOf('{');
        if (open >= 0) {
            int close = key.indexOf('}', open + 1);
            if (close > open + 1) {
                return key.substring(open + 1, close);
            }
        }
        return key;
    }

    /**
     * A hash tag {@code {X}} that puts a key whose first brace opens it into the slot of
     * {@code key}: {@code X} is {@link #hashedPart} of {@code key}, or, if that contains a {@code }}, a short
     * brace-free string of the same CRC16 slot.
     */
    static String sameSlotTag(String key) {
        String hashed = hashedPart(key);
        if (hashed.indexOf('}') < 0) {
            return "{" + hashed + "}";
        }
        return "{" + slotTag(JedisClusterCRC16.getSlot(key)) + "}";
    }

    /** The smallest base-36 number whose text hashes to {@code slot}. */
    static String slotTag(int slot) {
        String tag = SLOT_TAGS.get(slot);
        if (tag == null) {
            for (long n = 0; ; n++) {
                String candidate = Long.toString(n, 36);
                if (JedisClusterCRC16.getSlot(candidate) == slot) {
                    tag = candidate;
                    break;
                }
            }
            SLOT_TAGS.set(slot, tag);
        }
        return tag;
    }
}
