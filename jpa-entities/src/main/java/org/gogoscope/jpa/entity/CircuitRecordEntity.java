package org.gogoscope.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code go_goscope_circuit_records}: a versioned breaker document. Read-only. */
@Entity(name = "GoGoScopeCircuitRecord")
@Table(name = "go_goscope_circuit_records")
public class CircuitRecordEntity {

    @Id
    @Column(name = "`key`", insertable = false, updatable = false)
    private String key;

    @Column(name = "data", insertable = false, updatable = false)
    private String data;

    @Column(name = "version", insertable = false, updatable = false)
    private long version;

    protected CircuitRecordEntity() {
    }

    public String getKey() {
        return key;
    }

    public String getData() {
        return data;
    }

    public long getVersion() {
        return version;
    }
}
