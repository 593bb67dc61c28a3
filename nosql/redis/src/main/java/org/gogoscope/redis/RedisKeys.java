package org.gogoscope.redis;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.KeySpace;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The Redis key layout of one adapter, the seed's: {@code P} is the adapter's key prefix, {@code K} an
 * application key.
 * <pre>
 * Plock:K                        hash {owner, token}, expires with PX           (lock grant)
 * Pfence:{H}K                    integer, PX = the lock's TTL                    (fencing counter of PlockK)
 * Pcircuit:K                     hash {state, failureCount, lastFailureTime, lastSuccessTime}, never expires
 * Pcircuit-record:{H}K           hash {data, version}, never expires              (versioned record of PcircuitK)
 * Pcache:K                       string, the value's JSON, optional PX
 * Pcache-names:{T}               sorted set, member K, score 0                  (index of the cache keys)
 * Pcache-expiry:{T}              sorted set, member K, score = expiry (epoch ms, +inf for none)
 * Pcache-indexed:{T}             string                                          (the index covers older entries)
 * Pidempotency:K                 hash {status, token, fingerprint, result, expiresAt}, expires with PX
 * P{checkpoint}:T:S              hash {id, taskId, sequence, timestamp, progress, data, estimatedTimeRemaining}
 * P{checkpoint}-index:T          sorted set, member = checkpoint id, score = sequence
 * P{checkpoint}-id:I             hash {key, index}: where checkpoint I is stored
 * </pre>
 * ({@code Plock:K} above: the type segment follows the prefix, as {@code {prefix}lock:{key}} in the seed.)
 * Because the type segment stands between prefix and key, prefixes {@code a:} and {@code a:x} never see each
 * other's entries, even though {@code "a:" + "xb"} equals {@code "a:x" + "b"}.
 *
 * <p>Keys one script touches share a Redis Cluster hash slot. The fencing counter carries the hash tag
 * {@code {H}} where {@code H} is exactly what Redis hashes of the lock key (the whole lock key when it has no
 * tag), so it lands in the lock's slot while locks stay spread over the cluster; a breaker's record is tagged
 * the same way after its circuit key, so the two stay in one slot. The three cache index keys carry one tag
 * {@code {T}} derived from the prefix (see {@link #prefixTag}), so one script updates both sorted sets; an
 * entry and the index are in different slots on a Cluster. All checkpoint keys share the
 * tag {@code {checkpoint}}, so saving, moving and deleting a checkpoint is one atomic script. A prefix may
 * carry a complete hash tag of its own ({@code app{7}:}), which then places all of its keys in one slot; a
 * prefix with an unclosed <code>{</code> is rejected, since it would split one script's keys over slots.
 */
final class RedisKeys {

    private static final int SLOTS = 16384;
    private static final AtomicReferenceArray<String> SLOT_TAGS = new AtomicReferenceArray<>(SLOTS);

    private final String prefix;
    private final String cacheNames;
    private final String cacheExpiry;
    private final String cacheIndexed;

    RedisKeys(String prefix) {
        int open = prefix.indexOf('{');
        if (open >= 0 && prefix.indexOf('}', open + 1) < 0) {
            throw new IllegalArgumentException("keyPrefix must not contain an unclosed '{' on Redis (a hash tag "
                    + "must be complete within the prefix), was '" + prefix + "'");
        }
        this.prefix = prefix;
        String tag = prefixTag(prefix);
        if (tag != null) {
            cacheNames = prefix + "cache-names:" + tag;
            cacheExpiry = prefix + "cache-expiry:" + tag;
            cacheIndexed = prefix + "cache-indexed:" + tag;
        } else { // every key under this prefix is hashed whole: pick suffixes that hash like the names key
            cacheNames = prefix + "cache-names:";
            int slot = JedisClusterCRC16.getSlot(cacheNames);
            cacheExpiry = sameSlotName(prefix + "cache-expiry:", slot);
            cacheIndexed = sameSlotName(prefix + "cache-indexed:", slot);
        }
    }

    /** The application part of a full key (prefix stripped); also a cache entry's name in the index. */
    String app(String fullKey) {
        return fullKey.substring(prefix.length());
    }

    /** The full key (prefix added) of an application key. */
    String full(String appKey) {
        return prefix + appKey;
    }

    String lock(String fullKey) {
        return prefix + "lock:" + app(fullKey);
    }

    /** The full key of a lock's Redis key. */
    String fromLock(String redisKey) {
        return prefix + redisKey.substring(prefix.length() + "lock:".length());
    }

    /** The lock keys matching {@code glob} (the library's glob grammar) under this prefix. */
    KeyPattern lockPattern(String glob) {
        return typed("lock:", glob);
    }

    String fence(String fullKey) {
        return prefix + "fence:" + sameSlotTag(lock(fullKey)) + app(fullKey);
    }

    String circuit(String fullKey) {
        return prefix + "circuit:" + app(fullKey);
    }

    /** The versioned record of breaker {@code fullKey}: a sibling of {@link #circuit}, in the same slot. */
    String circuitRecord(String fullKey) {
        return prefix + "circuit-record:" + sameSlotTag(circuit(fullKey)) + app(fullKey);
    }

    /**
     * Keys that include the records of the breakers whose application keys match {@code glob}, and may include
     * others: the hash tag in front of the key is matched by a {@code *}. {@link #circuitOfRecord} tells which.
     */
    KeyPattern circuitRecordPattern(String glob) {
        return typed("circuit-record:{", "*}" + glob);
    }

    /**
     * The full key of the breaker whose record is {@code recordKey}, or {@code null} if it is not one of this
     * prefix's records. A record's name is {@code Pcircuit-record:} + a tag (which contains no <code>}</code>)
     * + the application key.
     */
    String circuitOfRecord(String recordKey) {
        String head = prefix + "circuit-record:{";
        int close = recordKey.startsWith(head) ? recordKey.indexOf('}', head.length()) : -1;
        if (close < 0) {
            return null;
        }
        String full = prefix + recordKey.substring(close + 1);
        return circuitRecord(full).equals(recordKey) ? full : null;
    }

    String cache(String fullKey) {
        return prefix + "cache:" + app(fullKey);
    }

    /** The full key of a cache entry's Redis key. */
    String fromCache(String redisKey) {
        return prefix + redisKey.substring(prefix.length() + "cache:".length());
    }

    /** The sorted set of the application keys of the cache entries, all with score 0 (listing by range). */
    String cacheNames() {
        return cacheNames;
    }

    /** The sorted set of the same names by expiry (epoch ms on the server's clock, {@code +inf} for none). */
    String cacheExpiry() {
        return cacheExpiry;
    }

    /** Present once the index also covers the entries written before it existed (or without it). */
    String cacheIndexed() {
        return cacheIndexed;
    }

    /** The cache keys matching {@code glob} (the library's glob grammar) under this prefix. */
    KeyPattern cachePattern(String glob) {
        return typed("cache:", glob);
    }

    String idempotency(String fullKey) {
        return prefix + "idempotency:" + app(fullKey);
    }

    /** The idempotency records whose application keys match {@code glob} under this prefix. */
    KeyPattern idempotencyPattern(String glob) {
        return typed("idempotency:", glob);
    }

    /** The full key of an idempotency record's Redis key. */
    String fromIdempotency(String redisKey) {
        return prefix + redisKey.substring(prefix.length() + "idempotency:".length());
    }

    String checkpoint(String appTaskId, int sequence) {
        return prefix + "{checkpoint}:" + appTaskId + ":" + sequence;
    }

    String checkpointIndex(String appTaskId) {
        return prefix + "{checkpoint}-index:" + appTaskId;
    }

    /** The task indexes of the tasks whose application task ids match {@code glob} under this prefix. */
    KeyPattern checkpointIndexPattern(String glob) {
        return typed("{checkpoint}-index:", glob);
    }

    /** The full task id of a task index's Redis key. */
    String taskOfIndex(String indexKey) {
        return prefix + indexKey.substring(prefix.length() + "{checkpoint}-index:".length());
    }

    String checkpointId(String appId) {
        return prefix + "{checkpoint}-id:" + appId;
    }

    /**
     * A Redis glob for {@code SCAN MATCH} that matches every key {@code exact} matches, and may match more: Redis's
     * {@code ?} is one byte, the library's one character, so {@code ?} is scanned as {@code *}; keep the keys
     * {@code exact} matches.
     */
    static String scanGlob(KeyPattern exact) {
        return pattern(exact.prefix(), exact.glob().replace('?', '*')).toRedisGlob();
    }

    /** The keys of one type ({@code "lock:"} ...) whose application keys match {@code glob}. */
    private KeyPattern typed(String type, String glob) {
        return pattern(prefix + type, glob);
    }

    private static KeyPattern pattern(String head, String glob) {
        return new KeySpace(head, Integer.MAX_VALUE).pattern("pattern", glob);
    }

    /**
     * The lock key whose fencing counter is {@code fenceKey}, or {@code null} if {@code fenceKey} is not one of
     * this prefix's counters. The counter's name is {@code Pfence:} + a tag (which contains no <code>}</code>)
     * + the application key.
     */
    String lockOfFence(String fenceKey) {
        String head = prefix + "fence:{";
        if (!fenceKey.startsWith(head)) {
            return null;
        }
        int close = fenceKey.indexOf('}', head.length());
        if (close < 0) {
            return null;
        }
        String full = prefix + fenceKey.substring(close + 1);
        return fence(full).equals(fenceKey) ? lock(full) : null;
    }

    /**
     * A hash tag that keeps keys starting with {@code prefix + "something:"} + the tag in one slot, or
     * {@code null} if no tag can: when the prefix's first <code>{</code> is closed at once (<code>a{}b</code>),
     * Redis hashes every key under it whole. A prefix with a tag of its own already puts all its keys in that
     * tag's slot, and the tag repeats it; otherwise the tag is the prefix itself, or a short string of the
     * prefix's slot when the prefix is empty or contains a <code>}</code>.
     */
    static String prefixTag(String prefix) {
        int open = prefix.indexOf('{');
        if (open >= 0) {
            String hashed = hashedPart(prefix);
            return hashed.equals(prefix) ? null : "{" + hashed + "}";
        }
        if (prefix.isEmpty() || prefix.indexOf('}') >= 0) {
            return "{" + slotTag(JedisClusterCRC16.getSlot(prefix)) + "}";
        }
        return "{" + prefix + "}";
    }

    /** {@code base} + the smallest base-36 number that makes the name hash to {@code slot}. */
    static String sameSlotName(String base, int slot) {
        for (long n = 0; ; n++) {
            String candidate = base + Long.toString(n, 36);
            if (JedisClusterCRC16.getSlot(candidate) == slot) {
                return candidate;
            }
        }
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
