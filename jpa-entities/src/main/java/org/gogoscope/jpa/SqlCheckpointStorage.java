package org.gogoscope.jpa;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.CheckpointStorage;
import org.gogoscope.core.storage.StoredCheckpoint;
import org.gogoscope.core.storage.StoredPage;
import org.gogoscope.core.storage.StoredTask;
import org.gogoscope.jpa.dialect.SqlStatements;

/**
 * Checkpoints: save is one guarded upsert ({@code INSERT ... SELECT ... WHERE NOT EXISTS} another id with the
 * same task and sequence); on PostgreSQL and SQLite a unique index on (task_id, sequence) also settles a race
 * between two ids, reported as "not saved".
 */
final class SqlCheckpointStorage implements CheckpointStorage {

    private final Db db;
    private final NamedSql save;
    private final NamedSql load;
    private final NamedSql latest;
    private final NamedSql list;
    private final NamedSql cleanup;
    private final NamedSql deleteAll;
    private final NamedSql tasksQuery;
    private final SqlStatements sql;

    SqlCheckpointStorage(Db db, SqlStatements sql) {
        this.db = db;
        this.save = NamedSql.parse(sql.checkpointSave());
        this.load = NamedSql.parse(sql.checkpointLoad());
        this.latest = NamedSql.parse(sql.checkpointLatest());
        this.list = NamedSql.parse(sql.checkpointList());
        this.cleanup = NamedSql.parse(sql.checkpointCleanup());
        this.deleteAll = NamedSql.parse(sql.checkpointDeleteAll());
        this.tasksQuery = NamedSql.parse(sql.checkpointTasks());
        this.sql = sql;
    }

    @Override
    public boolean save(StoredCheckpoint checkpoint) {
        Params params = Params.of("id", checkpoint.id()).and("task", checkpoint.taskId())
                .and("sequence", checkpoint.sequence()).and("timestamp", checkpoint.timestampMillis())
                .and("progress", checkpoint.progress()).and("data", checkpoint.dataJson())
                .number("eta", checkpoint.estimatedTimeRemainingMillis());
        try {
            return db.update(save, params) > 0;
        } catch (SqlFailure e) {
            if (db.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static StoredCheckpoint read(ResultSet rs) throws SQLException {
        long eta = rs.getLong(7);
        Long estimate = rs.wasNull() ? null : eta;
        return new StoredCheckpoint(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getInt(5),
                rs.getString(6), estimate);
    }

    @Override
    public Optional<StoredCheckpoint> load(String id) {
        return db.queryOne(load, Params.of("id", id), SqlCheckpointStorage::read);
    }

    @Override
    public Optional<StoredCheckpoint> loadLatest(String taskId) {
        return db.queryOne(latest, Params.of("task", taskId), SqlCheckpointStorage::read);
    }

    @Override
    public List<StoredCheckpoint> list(String taskId) {
        return db.query(list, Params.of("task", taskId), SqlCheckpointStorage::read);
    }

    @Override
    public int cleanup(String taskId, int keepCount) {
        return db.update(cleanup, Params.of("task", taskId).and("keep", keepCount));
    }

    @Override
    public int deleteAll(String taskId) {
        return db.update(deleteAll, Params.of("task", taskId));
    }

    /** In task-id order; the cursor is the last task id of a full page. */
    @Override
    public StoredPage<StoredTask> listTasks(KeyPattern pattern, String cursor, int limit) {
        Params params = Params.of("pattern", sql.pattern(pattern)).and("after", cursor == null ? "" : cursor)
                .and("limit", limit);
        List<StoredTask> tasks = db.query(tasksQuery, params,
                rs -> new StoredTask(rs.getString(1), rs.getInt(2), rs.getInt(3)));
        return new StoredPage<>(tasks, tasks.size() < limit ? null : tasks.get(tasks.size() - 1).taskId());
    }
}
