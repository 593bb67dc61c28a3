package org.gogoscope.mongodb;

import com.mongodb.client.MongoCollection;
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
import org.gogoscope.core.storage.CheckpointStorage;
import org.gogoscope.core.storage.StoredCheckpoint;

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
