package org.gogoscope.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A row of {@code go_goscope_locks}: one per lock key ever used. A lock is held while {@code expiresAt} (UTC) is
 * in the future; a released lock keeps its row, expired to 1970-01-01, so its fencing token keeps counting.
 * Read-only: the library writes with single conditional statements, never through JPA.
 */
@Entity(name = "GoGoScopeLock")
@Table(name = "go_goscope_locks")
public class LockEntity {

    @Id
    @Column(name = "`key`", insertable = false, updatable = false)
    private String key;

    @Column(name = "owner", insertable = false, updatable = false)
    private String owner;

    @Column(name = "expires_at", insertable = false, updatable = false)
    private LocalDateTime expiresAt;

    @Column(name = "fencing_token", insertable = false, updatable = false)
    private long fencingToken;

    protected LockEntity() {
    }

    /** The full key, prefix included. */
    public String getKey() {
        return key;
    }

    public String getOwner() {
        return owner;
    }

    /** Expiry as UTC wall time. */
    public LocalDateTime getExpiresAt() {
        return expiresAt;
    }

    /** The fencing token of the last grant. */
    public long getFencingToken() {
        return fencingToken;
    }
}
