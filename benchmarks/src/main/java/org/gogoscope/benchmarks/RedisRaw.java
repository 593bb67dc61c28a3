package org.gogoscope.benchmarks;

import java.util.List;
import java.util.Map;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The raw floor on Redis: one plain command per step (no scripts) through a {@link JedisPooled} with the
 * adapter's pool size and timeouts, on keys under {@code gogobench:raw:}. Lock release is a plain {@code DEL}
 * (no owner check: the floor), checkpoint save one pipelined {@code HSET}+{@code ZADD}, and loadLatest
 * {@code ZREVRANGE} then {@code HGETALL}, the least the same layout needs.
 */
final class RedisRaw implements Raw {

    private static final String P = "gogobench:raw:";
    private final JedisPooled jedis;

    RedisRaw() {
        this.jedis = client();
    }

    static JedisPooled client() {
        java.net.URI uri = java.net.URI.create(Servers.REDIS_URI);
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(Servers.REDIS_POOL);
        pool.setMaxIdle(Servers.REDIS_POOL);
        int timeout = (int) Servers.TIMEOUT.toMillis();
        return new JedisPooled(pool, JedisURIHelper.getHostAndPort(uri),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(timeout).socketTimeoutMillis(timeout).build());
    }

    @Override
    public boolean lockAcquire(String key, String owner, long ttlMillis) {
        return "OK".equals(jedis.set(P + "lock:" + key, owner, SetParams.setParams().nx().px(ttlMillis)));
    }

    @Override
    public void lockRelease(String key, String owner) {
        jedis.del(P + "lock:" + key);
    }

    @Override
    public String cacheGet(String key) {
        return jedis.get(P + "cache:" + key);
    }

    @Override
    public void cacheSet(String key, String json, long ttlMillis) {
        jedis.set(P + "cache:" + key, json, SetParams.setParams().px(ttlMillis));
    }

    @Override
    public void circuitRecord(String key) {
        jedis.hincrBy(P + "circuit:" + key, "failureCount", 1);
    }

    @Override
    public Object circuitRead(String key) {
        return jedis.hgetAll(P + "circuit:" + key);
    }

    @Override
    public void checkpointSave(String id, String task, int sequence, String json) {
        try (var pipeline = jedis.pipelined()) {
            pipeline.hset(P + "cp:" + id, Map.of("taskId", task, "sequence", Integer.toString(sequence),
                    "timestamp", Long.toString(System.currentTimeMillis()), "data", json));
            pipeline.zadd(P + "cp-index:" + task, sequence, id);
            pipeline.sync();
        }
    }

    @Override
    public Object checkpointLatest(String task) {
        List<String> ids = jedis.zrevrange(P + "cp-index:" + task, 0, 0);
        return ids.isEmpty() ? null : jedis.hgetAll(P + "cp:" + ids.get(0));
    }

    @Override
    public boolean idempotencyClaim(String key, String token, long leaseMillis) {
        return "OK".equals(jedis.set(P + "idem:" + key, "in_progress:" + token, SetParams.setParams().nx().px(leaseMillis)));
    }

    @Override
    public boolean idempotencyComplete(String key, String token, String json, long ttlMillis) {
        return "OK".equals(jedis.set(P + "idem:" + key, json, SetParams.setParams().xx().px(ttlMillis)));
    }

    @Override
    public String idempotencyReplay(String key) {
        return jedis.get(P + "idem:" + key);
    }

    @Override
    public void close() {
        jedis.close();
    }

    static HostAndPort hostAndPort() {
        return JedisURIHelper.getHostAndPort(java.net.URI.create(Servers.REDIS_URI));
    }
}
