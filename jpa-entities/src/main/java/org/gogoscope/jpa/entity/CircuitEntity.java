package org.gogoscope.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A row of {@code go_goscope_circuit}: one breaker's shared state. Times are UTC. Read-only. */
@Entity(name = "GoGoScopeCircuit")
@Table(name = "go_goscope_circuit")
public class CircuitEntity {

    @Id
    @Column(name = "`key`", insertable = false, updatable = false)
    private String key;

    /** {@code closed}, {@code open} or {@code half-open}. */
    @Column(name = "state", insertable = false, updatable = false)
    private String state;

    @Column(name = "failure_count", insertable = false, updatable = false)
    private int failureCount;

    @Column(name = "last_failure_time", insertable = false, updatable = false)
    private LocalDateTime lastFailureTime;

    @Column(name = "last_success_time", insertable = false, updatable = false)
    private LocalDateTime lastSuccessTime;

    @Column(name = "updated_at", insertable = false, updatable = false)
    private LocalDateTime updatedAt;

    protected CircuitEntity() {
    }

    public String getKey() {
        return key;
    }

    public String getState() {
        return state;
    }

    public int getFailureCount() {
        return failureCount;
    }

    public LocalDateTime getLastFailureTime() {
        return lastFailureTime;
    }

    public LocalDateTime getLastSuccessTime() {
        return lastSuccessTime;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }
}
