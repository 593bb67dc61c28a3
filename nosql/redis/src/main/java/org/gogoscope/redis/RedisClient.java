package org.gogoscope.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.gogoscope.core.storage.StoredPage;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisAskDataException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.exceptions.JedisRedirectionException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * One adapter's connection to a standalone server, a Sentinel-managed master or a Cluster: a Jedis
 * {@link UnifiedJedis} with its pool. Runs scripts with {@code EVALSHA} (falling back to {@code EVAL}, which
 * also caches the script, after {@code NOSCRIPT}), pipelines one command per key, scans every master, and drops
 * idle pooled connections after a connection failure so the next call opens a fresh one.
 */
final class RedisClient implements AutoCloseable {

    private static final int SCAN_COUNT = 500;
    /** Redirections a Cluster call follows before giving up, as JedisCluster's default attempts. */
    private static final int MAX_REDIRECTIONS = 5;

    private final UnifiedJedis jedis;

    RedisClient(UnifiedJedis jedis) {
        this.jedis = jedis;
    }

    /** Runs {@code command} on the Jedis client; see the class comment for connection failures. */
    <T> T call(Function<UnifiedJedis, T> command) {
        try {
            return command.apply(jedis);
        } catch (JedisConnectionException e) {
            dropIdleConnections();
            String tls = RedisConnectFailures.tls(e);
            throw tls == null ? e : new JedisConnectionException(tls, e);
        }
    }

    /** Runs {@code script}: one {@code EVALSHA}, or {@code EVAL} if the server does not have it cached. */
    Object eval(RedisScript script, List<String> keys, List<String> args) {
        return call(j -> evalOn(j, script, keys, args));
    }

    private static Object evalOn(UnifiedJedis j, RedisScript script, List<String> keys, List<String> args) {
        try {
            return j.evalsha(script.sha1(), keys, args);
        } catch (JedisNoScriptException e) {
            return j.eval(script.source(), keys, args);
        }
    }

    /**
     * Runs {@code script} once per key, on that key alone with the same {@code args}, pipelined as
     * {@link #eachKey} does: one round trip per server, plus one more for the whole batch after {@code NOSCRIPT}
     * (it is sent again with {@code EVAL}, which caches the script). The replies come in the order of {@code keys}.
     */
    List<Object> evalEachKey(RedisScript script, List<String> keys, List<String> args) {
        BiFunction<UnifiedJedis, String, Object> single = (j, key) -> evalOn(j, script, List.of(key), args);
        try {
            return eachKey(keys, (pipeline, key) -> pipeline.evalsha(script.sha1(), List.of(key), args), single);
        } catch (JedisNoScriptException e) {
            return eachKey(keys, (pipeline, key) -> pipeline.eval(script.source(), List.of(key), args), single);
        }
    }

    /** What {@link #evalAndWait} got: the script's reply, and how many replicas acknowledged it in time. */
    record Waited(Object reply, long replicas) {
    }

    /**
     * Runs {@code script} and then {@code WAIT replicas timeout} on the same connection, pipelined: one round
     * trip (two after {@code NOSCRIPT}). {@code WAIT} returns once {@code replicas} replicas acknowledged every
     * write this connection sent so far, the script's included, or after {@code timeoutMillis} with the number that
     * did. A Lua script cannot call {@code WAIT}, hence the pipeline. Standalone and Sentinel: a {@link Pipeline}
     * on a pooled connection to the master. Cluster: a pipeline on the connection to the master of the first key's
     * slot (replicas of that shard); its {@code MOVED}, and a master that cannot be reached (it may have failed
     * over), refresh the client's slot map and retry; its {@code ASK} retries on the named node after
     * {@code ASKING}. At most {@code MAX_REDIRECTIONS} attempts. A connection lost after sending is not retried
     * (the script may have run), but refreshes the slot map for the next call.
     */
    Waited evalAndWait(RedisScript script, List<String> keys, List<String> args, int replicas, long timeoutMillis) {
        return call(j -> {
            if (j instanceof JedisCluster cluster) {
                return evalAndWaitOnSlot(cluster, script, keys, args, replicas, timeoutMillis);
            }
            try (Pipeline pipeline = (Pipeline) j.pipelined()) {
                return evalAndWait(pipeline, false, script, keys, args, replicas, timeoutMillis);
            }
        });
    }

    private static Waited evalAndWaitOnSlot(JedisCluster cluster, RedisScript script, List<String> keys,
            List<String> args, int replicas, long timeoutMillis) {
        String key = keys.get(0);
        HostAndPort asked = null;
        for (int attempt = 1;; attempt++) {
            ConnectionPool importing = asked == null ? null : cluster.getClusterNodes().get(asked.toString());
            Connection connection;
            try {
                connection = importing != null ? importing.getResource()
                        : cluster.getConnectionFromSlot(JedisClusterCRC16.getSlot(key));
            } catch (JedisConnectionException unreachable) { // nothing sent: the slot's master may have failed over
                if (attempt == MAX_REDIRECTIONS) {
                    throw unreachable;
                }
                asked = null;
                refreshSlots(cluster, key);
                continue;
            }
            try (Pipeline pipeline = new Pipeline(connection, true)) {
                return evalAndWait(pipeline, importing != null, script, keys, args, replicas, timeoutMillis);
            } catch (JedisRedirectionException redirected) {
                if (attempt == MAX_REDIRECTIONS) {
                    throw redirected;
                }
                // ASK: the named node, if the client knows it; otherwise (and after MOVED) a fresh slot map
                asked = redirected instanceof JedisAskDataException ? redirected.getTargetNode() : null;
                if (asked == null || !cluster.getClusterNodes().containsKey(asked.toString())) {
                    asked = null;
                    refreshSlots(cluster, key);
                }
            } catch (JedisConnectionException lost) {
                // the script may have run: not retried here (a claim would meet itself), but the next call must
                // not go to a master that failed over again
                refreshSlots(cluster, key);
                throw lost;
            }
        }
    }

    /**
     * Lets Jedis bring its slot map up to date for {@code key}: a plain command on the key follows {@code MOVED} and
     * {@code ASK} and, after repeated connection failures, reloads the map from the cluster. Its own failure is
     * not the caller's: the next attempt reports what is still wrong.
     */
    private static void refreshSlots(JedisCluster cluster, String key) {
        try {
            cluster.exists(key);
        } catch (JedisException e) {
            // the next attempt fails or succeeds on whatever map Jedis has now
        }
    }

    /**
     * The script, then {@code WAIT}, in one pipeline; after {@code NOSCRIPT} the script's source, then
     * {@code WAIT} again. {@code asking}: the slot is being imported by this node ({@code ASK}), and each of the
     * two script commands must follow its own {@code ASKING}, which holds for one command only.
     */
    private static Waited evalAndWait(Pipeline pipeline, boolean asking, RedisScript script, List<String> keys,
            List<String> args, int replicas, long timeoutMillis) {
        if (asking) {
            pipeline.sendCommand(new CommandArguments(Protocol.Command.ASKING));
        }
        Response<Object> reply = pipeline.evalsha(script.sha1(), keys, args);
        Response<Long> acknowledged = pipeline.waitReplicas(replicas, timeoutMillis);
        pipeline.sync();
        try {
            return new Waited(reply.get(), acknowledged.get());
        } catch (JedisNoScriptException e) {
            if (asking) {
                pipeline.sendCommand(new CommandArguments(Protocol.Command.ASKING));
            }
            Response<Object> again = pipeline.eval(script.source(), keys, args);
            Response<Long> acknowledgedAgain = pipeline.waitReplicas(replicas, timeoutMillis);
            pipeline.sync();
            return new Waited(again.get(), acknowledgedAgain.get());
        }
    }

    /** Whether this is a Cluster, where the keys of one script or transaction must share a slot. */
    boolean isCluster() {
        return jedis instanceof JedisCluster;
    }

    /**
     * Runs one command per key in a pipeline (on a Cluster one per node, which Jedis syncs in parallel), so a
     * batch costs one round trip per server (none without keys); the replies come in the order of {@code keys}.
     * Jedis follows Cluster redirections only for single commands, so after a {@code MOVED}/{@code ASK} (a slot
     * being moved) the batch is run again one command at a time.
     */
    <T> List<T> eachKey(List<String> keys, BiFunction<PipelineBase, String, Response<T>> pipelined,
            BiFunction<UnifiedJedis, String, T> single) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return call(j -> {
            List<T> replies = new ArrayList<>(keys.size());
            try (PipelineBase pipeline = j.pipelined()) {
                List<Response<T>> responses = new ArrayList<>(keys.size());
                for (String key : keys) {
                    responses.add(pipelined.apply(pipeline, key));
                }
                pipeline.sync();
                for (Response<T> response : responses) {
                    replies.add(response.get());
                }
                return replies;
            } catch (JedisRedirectionException moved) {
                replies.clear();
                for (String key : keys) {
                    replies.add(single.apply(j, key));
                }
                return replies;
            }
        });
    }

    /** Every key matching the Redis glob {@code match}, on every master, each master's keys once. */
    void scan(String match, Consumer<List<String>> batches) {
        call(j -> {
            if (j instanceof JedisCluster cluster) {
                for (ConnectionPool pool : cluster.getClusterNodes().values()) {
                    try (Jedis node = new Jedis(pool.getResource())) {
                        if ("master".equals(String.valueOf(node.role().get(0)))) {
                            scanNode(node::scan, match, batches);
                        }
                    }
                }
            } else {
                scanNode(j::scan, match, batches);
            }
            return null;
        });
    }

    /**
     * One step of a listing that pages through every master: {@code position} is {@code null} to start, else what
     * the previous step returned ({@code <master index>:<SCAN cursor>}, masters in address order: {@link #masters}
     * on a Cluster, {@code null} otherwise). Returns the keys this step found and the next position, {@code null}
     * once every master is done.
     */
    private static ScanStep scanStep(UnifiedJedis j, List<String> masters, String match, String position,
            int count) {
        int node = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        if (position != null) {
            int colon = position.indexOf(':');
            node = Integer.parseInt(position.substring(0, colon));
            cursor = position.substring(colon + 1);
        }
        ScanParams params = new ScanParams().match(match).count(count);
        if (j instanceof JedisCluster cluster) {
            if (node >= masters.size()) {
                return new ScanStep(List.of(), null);
            }
            ScanResult<String> page;
            try (Jedis jedisNode = new Jedis(cluster.getClusterNodes().get(masters.get(node)).getResource())) {
                page = jedisNode.scan(cursor, params);
            }
            boolean nodeDone = ScanParams.SCAN_POINTER_START.equals(page.getCursor());
            String next = !nodeDone ? node + ":" + page.getCursor()
                    : node + 1 < masters.size() ? (node + 1) + ":" + ScanParams.SCAN_POINTER_START : null;
            return new ScanStep(page.getResult(), next);
        }
        ScanResult<String> page = j.scan(cursor, params);
        return new ScanStep(page.getResult(),
                ScanParams.SCAN_POINTER_START.equals(page.getCursor()) ? null : "0:" + page.getCursor());
    }

    /** The masters of a Cluster, in address order: a {@code ROLE} to each node. */
    private static List<String> masters(JedisCluster cluster) {
        List<String> masters = new ArrayList<>();
        for (Map.Entry<String, ConnectionPool> entry : new java.util.TreeMap<>(cluster.getClusterNodes())
                .entrySet()) {
            try (Jedis jedisNode = new Jedis(entry.getValue().getResource())) {
                if ("master".equals(String.valueOf(jedisNode.role().get(0)))) {
                    masters.add(entry.getKey());
                }
            }
        }
        return masters;
    }

    /** What one {@link #scanStep} or {@link #scanPage} found, and the position or cursor after it. */
    record ScanStep(List<String> keys, String next) {

        /**
         * The page of what {@code item} makes of each key found and its reply ({@code replies} in the order of
         * the keys; {@code null} skips a key, e.g. one gone since the scan), with this step's next cursor.
         */
        <R, T> StoredPage<T> page(List<R> replies, BiFunction<String, R, T> item) {
            List<T> items = new ArrayList<>(replies.size());
            for (int i = 0; i < replies.size(); i++) {
                T found = item.apply(keys.get(i), replies.get(i));
                if (found != null) {
                    items.add(found);
                }
            }
            return new StoredPage<>(items, next);
        }
    }

    /**
     * One page of a bounded listing by {@code SCAN} for the Redis glob {@code match}, of which the page keeps the
     * keys {@code wanted} accepts, at most {@code limit}, in key order: one SCAN step from the cursor's
     * position ({@code COUNT} the limit, at least 100), run again from there with a smaller {@code COUNT} (in
     * proportion, at least halved) while it keeps more than the limit. So a page is one whole SCAN step and a
     * listing a SCAN iteration, with SCAN's guarantees: every key present throughout is found, and a key may be
     * found twice (when the server shrank its table meanwhile). Cutting a step and running it again instead would
     * lose or repeat keys whenever the server rehashed in between. Only a step of {@code COUNT 1} (one hash
     * bucket) that keeps more than the limit is cut: the cursor then also holds the last key listed, and the next
     * page runs that step again for the keys after it. The cursor is
     * {@code <master>:<SCAN cursor>[:<last key in base64url>]}, {@code null} to start and once every master is
     * done. Cost: one SCAN (a round trip) while a step keeps no more than the limit, else a few more, at most
     * log2(COUNT) + 1 (7 for a COUNT of 100: 100, 50, 25, 12, 6, 3, 1); on a Cluster first a {@code ROLE} to each
     * node.
     */
    ScanStep scanPage(String match, Predicate<String> wanted, String cursor, int limit) {
        int cut = cursor == null ? -1 : cursor.indexOf(':', cursor.indexOf(':') + 1);
        String position = cut < 0 ? cursor : cursor.substring(0, cut);
        String after = cut < 0 ? null
                : new String(Base64.getUrlDecoder().decode(cursor.substring(cut + 1)), StandardCharsets.UTF_8);
        return call(j -> {
            List<String> masters = j instanceof JedisCluster cluster ? masters(cluster) : null;
            int count = after == null ? Math.max(limit, 100) : 1;
            while (true) {
                ScanStep step = scanStep(j, masters, match, position, count);
                TreeSet<String> kept = new TreeSet<>();
                for (String key : step.keys()) {
                    if ((after == null || key.compareTo(after) > 0) && wanted.test(key)) {
                        kept.add(key);
                    }
                }
                if (kept.size() <= limit) {
                    return new ScanStep(List.copyOf(kept), step.next());
                }
                if (count == 1) {
                    List<String> page = List.copyOf(kept).subList(0, limit);
                    String last = Base64.getUrlEncoder().withoutPadding()
                            .encodeToString(page.get(limit - 1).getBytes(StandardCharsets.UTF_8));
                    return new ScanStep(page, (position == null ? "0:0" : position) + ":" + last);
                }
                count = (int) Math.max(1, Math.min(count / 2, (long) count * limit / kept.size()));
            }
        });
    }

    private static void scanNode(ScanCommand scan, String match, Consumer<List<String>> batches) {
        ScanParams params = new ScanParams().match(match).count(SCAN_COUNT);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = scan.scan(cursor, params);
            if (!page.getResult().isEmpty()) {
                batches.accept(new ArrayList<>(page.getResult()));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }

    private void dropIdleConnections() {
        try {
            if (jedis instanceof JedisPooled pooled) {
                pooled.getPool().clear();
            } else if (jedis instanceof JedisCluster cluster) {
                for (Map.Entry<String, ConnectionPool> node : cluster.getClusterNodes().entrySet()) {
                    node.getValue().clear();
                }
            }
            // JedisSentineled does not expose its pool: its idle connections are dropped one by one on use
        } catch (RuntimeException ignored) {
            // best effort: the caller reports the original failure
        }
    }

    @Override
    public void close() {
        jedis.close();
    }

    @FunctionalInterface
    private interface ScanCommand {
        ScanResult<String> scan(String cursor, ScanParams params);
    }
}
