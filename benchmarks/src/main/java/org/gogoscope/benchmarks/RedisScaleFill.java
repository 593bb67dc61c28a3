package org.gogoscope.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.SafeEncoder;

/**
 * Writes one kind's records ({@link ScaleRecords}) into a scale space's Redis database, pipelined in batches, in
 * the key layout of the Redis adapter ({@code RedisKeys}) and with what its scripts leave behind, {@code P} being
 * the space's prefix and {@code K} an application key:
 * <ul>
 * <li>cache ({@code cache_put.lua}): {@code Pcache:K} the JSON, expiring at {@code T}; the prefix's index, the
 *     sorted sets <code>Pcache-names:{P}</code> (member K, score 0) and <code>Pcache-expiry:{P}</code> (member K,
 *     score T + 1); and the marker <code>Pcache-indexed:{P}</code>, which says the index covers every entry, so the
 *     adapter's first listing does not scan the database to index them;
 * <li>locks ({@code lock_acquire.lua}): the hash {@code Plock:K} {owner, token} and the fencing counter
 *     <code>Pfence:{PlockK}K</code> (token), both expiring at {@code T};
 * <li>idempotency ({@code idempotency_put.lua}): the hash {@code Pidempotency:K} {status completed, result,
 *     expiresAt T}, expiring at {@code T};
 * <li>checkpoints ({@code checkpoint_save.lua}), for task id {@code I} of task {@code T}, sequence {@code S}: the
 *     hash <code>P{checkpoint}:T:S</code> {id, taskId, sequence, timestamp, progress, data}, the task's index
 *     <code>P{checkpoint}-index:T</code> (member I, score S) and the id's lookup <code>P{checkpoint}-id:I</code>
 *     {key, index}; no expiry.
 * </ul>
 * {@code T} is the server's clock ({@code TIME}) at the start of the fill plus {@link ScaleRecords#TTL}, the same
 * for every record (the adapter's {@code PX ttl} from its script's {@code TIME} gives the same expiry); tokens are
 * the server's clock in microseconds, as a first grant's. The hash tags follow {@code RedisKeys} for a prefix
 * without braces, which the scale prefixes are.
 */
final class RedisScaleFill {

    /** Records per pipeline (for checkpoints: this many checkpoints, a tenth as many tasks). */
    private static final int BATCH = 10_000;

    private RedisScaleFill() {
    }

    static void fill(ScaleSpace space, ScaleKind kind) {
        String prefix = space.prefix();
        if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("the fill's hash tags assume a prefix without braces: " + prefix);
        }
        try (JedisPooled redis = space.redis()) {
            long micros = serverMicros(redis);
            long expiresAt = micros / 1000 + ScaleRecords.TTL.toMillis();
            boolean tasks = kind == ScaleKind.CHECKPOINTS;
            int records = tasks ? ScaleRecords.tasks(space.size()) : space.size();
            int batch = tasks ? BATCH / ScaleRecords.CHECKPOINTS_PER_TASK : BATCH;
            for (int from = 0; from < records; from += batch) {
                int to = Math.min(records, from + batch);
                try (Pipeline pipeline = redis.pipelined()) {
                    switch (kind) {
                        case CACHE -> cache(pipeline, prefix, from, to, expiresAt);
                        case LOCKS -> locks(pipeline, prefix, from, to, expiresAt, Long.toString(micros));
                        case IDEMPOTENCY -> idempotency(pipeline, prefix, from, to, expiresAt);
                        case CHECKPOINTS -> checkpoints(pipeline, prefix, from, to, micros / 1000);
                        default -> throw new IllegalArgumentException(kind.name());
                    }
                    pipeline.sync();
                }
            }
            if (kind == ScaleKind.CACHE) {
                redis.set(prefix + "cache-indexed:{" + prefix + "}", "1");
            }
        }
    }

    /** The server's clock ({@code TIME}) in microseconds. */
    private static long serverMicros(JedisPooled redis) {
        List<?> time = (List<?>) redis.sendCommand(Protocol.Command.TIME);
        return Long.parseLong(SafeEncoder.encode((byte[]) time.get(0))) * 1_000_000
                + Long.parseLong(SafeEncoder.encode((byte[]) time.get(1)));
    }

    private static void cache(Pipeline pipeline, String prefix, int from, int to, long expiresAt) {
        Map<String, Double> names = new HashMap<>();
        Map<String, Double> expiries = new HashMap<>();
        for (int n = from; n < to; n++) {
            String key = ScaleRecords.cacheKey(n);
            pipeline.set(prefix + "cache:" + key, ScaleRecords.JSON, new SetParams().pxAt(expiresAt));
            names.put(key, 0.0);
            expiries.put(key, (double) (expiresAt + 1));
        }
        String tag = "{" + prefix + "}";
        pipeline.zadd(prefix + "cache-names:" + tag, names);
        pipeline.zadd(prefix + "cache-expiry:" + tag, expiries);
    }

    private static void locks(Pipeline pipeline, String prefix, int from, int to, long expiresAt, String token) {
        for (int n = from; n < to; n++) {
            String key = ScaleRecords.lockKey(n);
            String lock = prefix + "lock:" + key;
            pipeline.hset(lock, Map.of("owner", ScaleRecords.OWNER, "token", token));
            pipeline.pexpireAt(lock, expiresAt);
            pipeline.set(prefix + "fence:{" + lock + "}" + key, token, new SetParams().pxAt(expiresAt));
        }
    }

    private static void idempotency(Pipeline pipeline, String prefix, int from, int to, long expiresAt) {
        Map<String, String> record = Map.of("status", "completed", "result", ScaleRecords.JSON,
                "expiresAt", Long.toString(expiresAt));
        for (int n = from; n < to; n++) {
            String key = prefix + "idempotency:" + ScaleRecords.idempotencyKey(n);
            pipeline.hset(key, record);
            pipeline.pexpireAt(key, expiresAt);
        }
    }

    private static void checkpoints(Pipeline pipeline, String prefix, int fromTask, int toTask, long timestamp) {
        for (int t = fromTask; t < toTask; t++) {
            String task = ScaleRecords.task(t);
            String index = prefix + "{checkpoint}-index:" + task;
            Map<String, Double> sequences = new HashMap<>();
            for (int s = 0; s < ScaleRecords.CHECKPOINTS_PER_TASK; s++) {
                String id = ScaleRecords.checkpointId(t, s);
                String data = prefix + "{checkpoint}:" + task + ":" + s;
                pipeline.hset(data, Map.of("id", id, "taskId", task, "sequence", Integer.toString(s),
                        "timestamp", Long.toString(timestamp), "progress", Integer.toString(s * 10),
                        "data", ScaleRecords.JSON));
                pipeline.hset(prefix + "{checkpoint}-id:" + id, Map.of("key", data, "index", index));
                sequences.put(id, (double) s);
            }
            pipeline.zadd(index, sequences);
        }
    }
}
