package org.gogoscope.redis;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gogoscope.core.storage.IdempotencyStorage;
import org.gogoscope.core.storage.StoredClaim;

/**
 * Idempotency records: one hash per key. A completed record expires with Redis's PX at its TTL. An in-progress
 * record is live until its {@code expiresAt} (server clock) and its key is kept {@link #GRACE_MILLIS} longer,
 * so that a claimer whose lease ran out can still complete or release as long as nobody re-claimed the key.
 */
final class RedisIdempotencyStorage implements IdempotencyStorage {

    /** How long an in-progress record's key outlives its lease. */
    static final long GRACE_MILLIS = TimeUnit.HOURS.toMillis(24);

    private final RedisClient client;
    private final RedisKeys keys;

    RedisIdempotencyStorage(RedisClient client, RedisKeys keys) {
        this.client = client;
        this.keys = keys;
    }

    @Override
    public StoredClaim claim(String key, String token, String fingerprint, long leaseMillis) {
        long keyTtl = leaseMillis > Long.MAX_VALUE - GRACE_MILLIS ? Long.MAX_VALUE : leaseMillis + GRACE_MILLIS;
        List<?> reply = (List<?>) client.eval(RedisScript.IDEMPOTENCY_CLAIM, List.of(keys.idempotency(key)),
                List.of(token, fingerprint == null ? "" : fingerprint, Long.toString(leaseMillis),
                        Long.toString(keyTtl)));
        String outcome = (String) reply.get(0);
        return switch (outcome) {
            case "claimed" -> new StoredClaim.Claimed();
            case "in_progress" -> new StoredClaim.InProgress((String) reply.get(1),
                    Long.parseLong((String) reply.get(2)));
            case "completed" -> new StoredClaim.Completed((String) reply.get(1), (String) reply.get(2));
            default -> throw new IllegalStateException("unexpected claim outcome from Redis: " + outcome);
        };
    }

    @Override
    public boolean complete(String key, String token, String resultJson, long ttlMillis) {
        return RedisLockStorage.isOne(client.eval(RedisScript.IDEMPOTENCY_COMPLETE, List.of(keys.idempotency(key)),
                List.of(token, resultJson, Long.toString(ttlMillis))));
    }

    @Override
    public boolean release(String key, String token) {
        return RedisLockStorage.isOne(client.eval(RedisScript.IDEMPOTENCY_RELEASE, List.of(keys.idempotency(key)),
                List.of(token)));
    }

    @Override
    public Optional<String> getResult(String key) {
        String record = keys.idempotency(key);
        List<String> fields = client.call(j -> j.hmget(record, "status", "result"));
        return "completed".equals(fields.get(0)) ? Optional.ofNullable(fields.get(1)) : Optional.empty();
    }

    @Override
    public void putResult(String key, String resultJson, long ttlMillis) {
        client.eval(RedisScript.IDEMPOTENCY_PUT, List.of(keys.idempotency(key)),
                List.of(resultJson, Long.toString(ttlMillis)));
    }

    @Override
    public boolean delete(String key) {
        return RedisLockStorage.isOne(client.eval(RedisScript.IDEMPOTENCY_DELETE, List.of(keys.idempotency(key)),
                List.of()));
    }
}
