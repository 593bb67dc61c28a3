package org.gogoscope.mongodb;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;
import org.bson.Document;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.CheckpointStorage;
import org.gogoscope.core.storage.StoredCheckpoint;
import org.gogoscope.core.storage.StoredPage;
import org.gogoscope.core.storage.StoredTask;

/**
 * Checkpoints in {@code go_goscope_checkpoints}:
 * {@code {_id: id, taskId, sequence, timestamp, progress, data, estimatedTimeRemainingMillis}}, with a unique
 * index on {@code (taskId, sequence)} and an index on {@code taskId}. Checkpoints never expire.
 */
final class MongoCheckpointStorage implements CheckpointStorage {

    static final String TASK_ID = "taskId";
    static final String SEQUENCE = "sequence";
    static final String TIMESTAMP = "timestamp";
    static final String PROGRESS = "progress";
    static final String DATA = "data";
    static final String ETA = "estimatedTimeRemainingMillis";
    private static final String LATEST = "latest";
    private static final String COUNT = "count";

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<BsonDocument> checkpoints;

    MongoCheckpointStorage(MongoCollection<Document> checkpoints) {
        this.checkpoints = checkpoints.withDocumentClass(BsonDocument.class);
    }

    /**
     * One {@code update} (replacement with upsert, atomic on the document). A duplicate key means the
     * (taskId, sequence) index refused it, unless two saves of a new id raced on {@code _id}: then the
     * replacement is retried once, now finding the other save's document.
     */
    @Override
    public boolean save(StoredCheckpoint checkpoint) {
        BsonDocument document = toDocument(checkpoint);
        for (int attempt = 1; ; attempt++) {
            try {
                checkpoints.replaceOne(Filters.eq("_id", checkpoint.id()), document, UPSERT);
                return true;
            } catch (RuntimeException e) {
                if (!MongoErrors.isDuplicateKey(e)) {
                    throw e;
                }
                if (attempt > 1 || sequenceTakenByAnother(checkpoint)) {
                    return false;
                }
            }
        }
    }

    private boolean sequenceTakenByAnother(StoredCheckpoint checkpoint) {
        return checkpoints.find(Filters.and(Filters.eq(TASK_ID, checkpoint.taskId()),
                Filters.eq(SEQUENCE, checkpoint.sequence()), Filters.ne("_id", checkpoint.id())))
                .projection(Projections.include("_id")).first() != null;
    }

    @Override
    public Optional<StoredCheckpoint> load(String id) {
        return Optional.ofNullable(checkpoints.find(Filters.eq("_id", id)).first()).map(this::fromDocument);
    }

    @Override
    public Optional<StoredCheckpoint> loadLatest(String taskId) {
        return Optional.ofNullable(checkpoints.find(Filters.eq(TASK_ID, taskId)).sort(Sorts.descending(SEQUENCE))
                .limit(1).first()).map(this::fromDocument);
    }

    @Override
    public List<StoredCheckpoint> list(String taskId) {
        List<StoredCheckpoint> all = new ArrayList<>();
        for (BsonDocument found : checkpoints.find(Filters.eq(TASK_ID, taskId)).sort(Sorts.ascending(SEQUENCE))) {
            all.add(fromDocument(found));
        }
        return all;
    }

    /** Finds the ids below the newest {@code keepCount}, then deletes exactly those. */
    @Override
    public int cleanup(String taskId, int keepCount) {
        List<BsonValue> old = new ArrayList<>();
        for (BsonDocument found : checkpoints.find(Filters.eq(TASK_ID, taskId)).sort(Sorts.descending(SEQUENCE))
                .skip(keepCount).projection(Projections.include("_id"))) {
            old.add(found.get("_id"));
        }
        if (old.isEmpty()) {
            return 0;
        }
        Bson those = Filters.and(Filters.eq(TASK_ID, taskId), Filters.in("_id", old));
        return (int) checkpoints.deleteMany(those).getDeletedCount();
    }

    @Override
    public int deleteAll(String taskId) {
        return (int) checkpoints.deleteMany(Filters.eq(TASK_ID, taskId)).getDeletedCount();
    }

    /**
     * In task-id order, through the {@code (taskId, sequence)} index. One {@code aggregate} reads at most
     * {@code limit} checkpoints whose task id matches the pattern and is above the cursor, in index order
     * ({@code $match}, {@code $sort}, {@code $limit}, only the two indexed fields), and only then groups them by
     * task: grouping first would read every checkpoint of the range before the limit applies. When the read was
     * full, its last task may go on beyond it; a second {@code aggregate} then summarises that one task (its
     * checkpoints, which cleanup keeps few). The cursor is the last task id of a full read.
     */
    @Override
    public StoredPage<StoredTask> listTasks(KeyPattern pattern, String cursor, int limit) {
        List<StoredTask> tasks = summaries(Aggregates.match(MongoSchema.page(TASK_ID, pattern, cursor)),
                Aggregates.sort(Sorts.ascending(TASK_ID, SEQUENCE)), Aggregates.limit(limit));
        if (tasks.stream().mapToInt(StoredTask::checkpoints).sum() < limit) {
            return new StoredPage<>(tasks, null);
        }
        String last = tasks.remove(tasks.size() - 1).taskId();
        tasks.addAll(summaries(Aggregates.match(Filters.eq(TASK_ID, last))));
        return new StoredPage<>(tasks, last);
    }

    /** The checkpoints the {@code read} stages pass on, grouped by task: highest sequence and count, by task id. */
    private List<StoredTask> summaries(Bson... read) {
        List<Bson> pipeline = new ArrayList<>(List.of(read));
        pipeline.add(Aggregates.group("$" + TASK_ID, Accumulators.max(LATEST, "$" + SEQUENCE),
                Accumulators.sum(COUNT, 1)));
        pipeline.add(Aggregates.sort(Sorts.ascending("_id")));
        List<StoredTask> tasks = new ArrayList<>();
        for (BsonDocument task : checkpoints.aggregate(pipeline)) {
            tasks.add(new StoredTask(task.getString("_id").getValue(), task.getNumber(LATEST).intValue(),
                    task.getNumber(COUNT).intValue()));
        }
        return tasks;
    }

    private static BsonDocument toDocument(StoredCheckpoint checkpoint) {
        Long eta = checkpoint.estimatedTimeRemainingMillis();
        return new BsonDocument("_id", new BsonString(checkpoint.id()))
                .append(TASK_ID, new BsonString(checkpoint.taskId()))
                .append(SEQUENCE, new BsonInt32(checkpoint.sequence()))
                .append(TIMESTAMP, new BsonDateTime(checkpoint.timestampMillis()))
                .append(PROGRESS, new BsonInt32(checkpoint.progress()))
                .append(DATA, BsonJson.toBson(checkpoint.dataJson()))
                .append(ETA, eta == null ? BsonNull.VALUE : new BsonInt64(eta));
    }

    private StoredCheckpoint fromDocument(BsonDocument document) {
        BsonValue eta = document.get(ETA, BsonNull.VALUE);
        return new StoredCheckpoint(document.getString("_id").getValue(), document.getString(TASK_ID).getValue(),
                document.getNumber(SEQUENCE).intValue(), document.getDateTime(TIMESTAMP).getValue(),
                document.getNumber(PROGRESS).intValue(), BsonJson.toJson(document.get(DATA, BsonNull.VALUE)),
                eta.isNull() ? null : eta.asNumber().longValue());
    }
}
