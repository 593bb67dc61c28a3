package org.gogoscope.redis;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.IdempotencyStorage;
import org.gogoscope.core.storage.StoredClaim;
import org.gogoscope.core.storage.StoredInProgressClaim;
import org.gogoscope.core.storage.StoredPage;

/**
 * Idempotency records: one hash per key. A completed record expires with Redis's PX at its TTL. An in-progress
 * record is live until its {@code expiresAt} (server clock) and its key is kept {@link #GRACE_MILLIS} longer,
 * so that a claimer whose lease ran out can still complete or release as long as nobody re-claimed the key.
 *
 * <p>With {@code waitReplicas > 0} a claim waits for replicas as a lock grant does ({@link RedisLockStorage}): a
 * claim fewer replicas acknowledged in time is released and fails, since a failover that lost it would let a
 * second caller run the operation at the same time. Completions do not wait: losing one in a failover leaves the
 * claim in progress until its lease runs out, as a claimer that crashed before completing does.
 */
final class RedisIdempotencyStorage implements IdempotencyStorage {

    /** How long an in-progress record's key outlives its lease. */
    static final long GRACE_MILLIS = TimeUnit.HOURS.toMillis(24);

    private final RedisClient client;
    private final RedisKeys keys;
    private final int waitReplicas;
    private final long waitTimeoutMillis;

    RedisIdempotencyStorage(RedisClient client, RedisKeys keys, int waitReplicas, long waitTimeoutMillis) {
        this.client = client;
        this.keys = keys;
        this.waitReplicas = waitReplicas;
        this.waitTimeoutMillis = waitTimeoutMillis;
    }

    @Override
    public StoredClaim claim(String key, String token, String fingerprint, long leaseMillis) {
        long keyTtl = leaseMillis > Long.MAX_VALUE - GRACE_MILLIS ? Long.MAX_VALUE : leaseMillis + GRACE_MILLIS;
        List<String> record = List.of(keys.idempotency(key));
        List<String> args = List.of(token, fingerprint == null ? "" : fingerprint, Long.toString(leaseMillis),
                Long.toString(keyTtl));
        List<?> reply;
        if (waitReplicas == 0) {
            reply = (List<?>) client.eval(RedisScript.IDEMPOTENCY_CLAIM, record, args);
        } else {
            RedisClient.Waited waited = client.evalAndWait(RedisScript.IDEMPOTENCY_CLAIM, record, args, waitReplicas,
                    waitTimeoutMillis);
            reply = (List<?>) waited.reply();
            if ("claimed".equals(reply.get(0)) && waited.replicas() < waitReplicas) {
                ReplicaWaitException unacknowledged = new ReplicaWaitException("claimed on the master, but "
                        + waited.replicas() + " of " + waitReplicas + " replicas acknowledged it within "
                        + waitTimeoutMillis + " ms (redis.wait-replicas); the claim was released, since a failover "
                        + "could lose it");
                try {
                    release(key, token);
                } catch (RuntimeException e) {
                    unacknowledged.addSuppressed(e); // the claim then runs out with its lease
                }
                throw unacknowledged;
            }
        }
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

    /**
     * One page of {@link RedisClient#scanPage} (its cursor, its cost: usually one SCAN step on one master; key
     * order within a page, SCAN order across pages) over the records of the pattern, then
     * {@code idempotency_inspect.lua} on each record found, pipelined (the claim token and the lease left on the
     * server's clock, or nothing for a completed or expired record): one round trip per server, one more after {@code NOSCRIPT}.
     */
    @Override
    public StoredPage<StoredInProgressClaim> listInProgress(KeyPattern pattern, String cursor, int limit) {
        KeyPattern records = keys.idempotencyPattern(pattern.glob());
        RedisClient.ScanStep found = client.scanPage(RedisKeys.scanGlob(records), records::matches, cursor, limit);
        return found.page(client.evalEachKey(RedisScript.IDEMPOTENCY_INSPECT, found.keys(), List.of()),
                (record, inspected) -> inspected instanceof List<?> claim && claim.size() == 2
                        && claim.get(1) instanceof Long millis
                        ? new StoredInProgressClaim(keys.fromIdempotency(record), text(claim.get(0)), millis) : null);
    }

    /** A Lua string as Jedis hands it over: a String, or bytes. */
    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(value);
    }
}
