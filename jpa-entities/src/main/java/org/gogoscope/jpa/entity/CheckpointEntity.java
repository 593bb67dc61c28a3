package org.gogoscope.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code go_goscope_checkpoints}, as in the seeds' schema. Read-only. */
@Entity(name = "GoGoScopeCheckpoint")
@Table(name = "go_goscope_checkpoints")
public class CheckpointEntity {

    @Id
    @Column(name = "id", insertable = false, updatable = false)
    private String id;

    @Column(name = "task_id", insertable = false, updatable = false)
    private String taskId;

    @Column(name = "sequence", insertable = false, updatable = false)
    private int sequence;

    /** Epoch milliseconds. */
    @Column(name = "timestamp", insertable = false, updatable = false)
    private long timestamp;

    @Column(name = "progress", insertable = false, updatable = false)
    private int progress;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON) // JSONB/JSON; text on SQLite
    @Column(name = "data", insertable = false, updatable = false)
    private String data;

    @Column(name = "estimated_time_remaining", insertable = false, updatable = false)
    private Long estimatedTimeRemaining;

    protected CheckpointEntity() {
    }

    public String getId() {
        return id;
    }

    public String getTaskId() {
        return taskId;
    }

    public int getSequence() {
        return sequence;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public int getProgress() {
        return progress;
    }

    /** The data as JSON text. */
    public String getData() {
        return data;
    }

    /** Milliseconds, or null. */
    public Long getEstimatedTimeRemaining() {
        return estimatedTimeRemaining;
    }
}
