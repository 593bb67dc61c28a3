package org.gogoscope.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.CheckpointStorage;
import org.gogoscope.core.storage.StoredCheckpoint;
import org.gogoscope.core.storage.StoredPage;
import org.gogoscope.core.storage.StoredTask;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.resps.Tuple;

/**
 * Checkpoints: a hash per checkpoint at {@code P{checkpoint}:taskId:sequence}, a sorted set per task (id by
 * sequence) and an id lookup, all in one hash slot, so a save (uniqueness check, move of an existing id, index
 * update) and a cleanup are each one atomic script. Reads take two round trips (index or lookup, then data).
 */
final class RedisCheckpointStorage implements CheckpointStorage {

    /** Attempts of a save or load that raced with a concurrent move of the same id. */
    private static final int ATTEMPTS = 16;

    private final RedisClient client;
    private final RedisKeys keys;

    RedisCheckpointStorage(RedisClient client, RedisKeys keys) {
        this.client = client;
        this.keys = keys;
    }

    @Override
    public boolean save(StoredCheckpoint checkpoint) {
        String id = keys.app(checkpoint.id());
        String task = keys.app(checkpoint.taskId());
        String idKey = keys.checkpointId(id);
        String dataKey = keys.checkpoint(task, checkpoint.sequence());
        String indexKey = keys.checkpointIndex(task);
        Long eta = checkpoint.estimatedTimeRemainingMillis();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<String> current = client.call(j -> j.hmget(idKey, "key", "index"));
            String currentData = current.get(0) == null ? dataKey : current.get(0);
            String currentIndex = current.get(1) == null ? indexKey : current.get(1);
            Object saved = client.eval(RedisScript.CHECKPOINT_SAVE,
                    List.of(idKey, dataKey, indexKey, currentData, currentIndex),
                    List.of(current.get(0) == null ? "" : current.get(0), id, task,
                            Integer.toString(checkpoint.sequence()), Long.toString(checkpoint.timestampMillis()),
                            Integer.toString(checkpoint.progress()), checkpoint.dataJson(),
                            eta == null ? "" : eta.toString()));
            long outcome = (Long) saved;
            if (outcome >= 0) {
                return outcome == 1;
            }
        }
        throw new IllegalStateException("checkpoint '" + id + "' kept moving during " + ATTEMPTS + " save attempts");
    }

    @Override
    public Optional<StoredCheckpoint> load(String id) {
        String appId = keys.app(id);
        String idKey = keys.checkpointId(appId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String dataKey = client.call(j -> j.hget(idKey, "key"));
            if (dataKey == null) {
                return Optional.empty();
            }
            Map<String, String> fields = client.call(j -> j.hgetAll(dataKey));
            if (appId.equals(fields.get("id"))) {
                return Optional.of(stored(fields));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<StoredCheckpoint> loadLatest(String taskId) {
        String task = keys.app(taskId);
        String indexKey = keys.checkpointIndex(task);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<Tuple> latest = client.call(j -> j.zrevrangeWithScores(indexKey, 0, 0));
            if (latest.isEmpty()) {
                return Optional.empty();
            }
            Tuple top = latest.get(0);
            String dataKey = keys.checkpoint(task, (int) top.getScore());
            Map<String, String> fields = client.call(j -> j.hgetAll(dataKey));
            if (top.getElement().equals(fields.get("id"))) {
                return Optional.of(stored(fields));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<StoredCheckpoint> list(String taskId) {
        String task = keys.app(taskId);
        List<Tuple> index = client.call(j -> j.zrangeWithScores(keys.checkpointIndex(task), 0, -1));
        if (index.isEmpty()) {
            return List.of();
        }
        List<Map<String, String>> rows = client.call(j -> {
            try (PipelineBase pipeline = j.pipelined()) {
                List<Response<Map<String, String>>> responses = new ArrayList<>(index.size());
                for (Tuple entry : index) {
                    responses.add(pipeline.hgetAll(keys.checkpoint(task, (int) entry.getScore())));
                }
                pipeline.sync();
                List<Map<String, String>> read = new ArrayList<>(responses.size());
                for (Response<Map<String, String>> response : responses) {
                    read.add(response.get());
                }
                return read;
            }
        });
        List<StoredCheckpoint> checkpoints = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (index.get(i).getElement().equals(rows.get(i).get("id"))) {
                checkpoints.add(stored(rows.get(i)));
            }
        }
        return checkpoints;
    }

    @Override
    public int cleanup(String taskId, int keepCount) {
        String task = keys.app(taskId);
        String indexKey = keys.checkpointIndex(task);
        List<Tuple> doomed = client.call(j -> j.zrangeWithScores(indexKey, 0, -1L - keepCount));
        if (doomed.isEmpty()) {
            return 0;
        }
        List<String> scriptKeys = new ArrayList<>(1 + 2 * doomed.size());
        List<String> ids = new ArrayList<>(doomed.size());
        scriptKeys.add(indexKey);
        for (Tuple entry : doomed) {
            scriptKeys.add(keys.checkpoint(task, (int) entry.getScore()));
            scriptKeys.add(keys.checkpointId(entry.getElement()));
            ids.add(entry.getElement());
        }
        return Math.toIntExact((Long) client.eval(RedisScript.CHECKPOINT_DELETE, scriptKeys, ids));
    }

    @Override
    public int deleteAll(String taskId) {
        return cleanup(taskId, 0);
    }

    /**
     * One page of {@link RedisClient#scanPage} (its cursor, its cost: usually one SCAN step on one master; task-id
     * order within a page, SCAN order across pages) over the task indexes of the pattern, then
     * {@code checkpoint_task.lua} on each index found, pipelined ({@code ZCARD} and the highest score, without
     * reading the checkpoints): one round trip per server, one more after {@code NOSCRIPT}.
     */
    @Override
    public StoredPage<StoredTask> listTasks(KeyPattern pattern, String cursor, int limit) {
        KeyPattern indexes = keys.checkpointIndexPattern(pattern.glob());
        RedisClient.ScanStep found = client.scanPage(RedisKeys.scanGlob(indexes), indexes::matches, cursor, limit);
        return found.page(client.evalEachKey(RedisScript.CHECKPOINT_TASK, found.keys(), List.of()),
                (index, summary) -> summary instanceof List<?> task ? new StoredTask(keys.taskOfIndex(index),
                        Math.toIntExact((Long) task.get(1)), Math.toIntExact((Long) task.get(0))) : null);
    }

    private StoredCheckpoint stored(Map<String, String> fields) {
        String eta = fields.get("estimatedTimeRemaining");
        return new StoredCheckpoint(keys.full(fields.get("id")), keys.full(fields.get("taskId")),
                Integer.parseInt(fields.get("sequence")), Long.parseLong(fields.get("timestamp")),
                Integer.parseInt(fields.get("progress")), fields.get("data"), eta == null ? null : Long.valueOf(eta));
    }
}
