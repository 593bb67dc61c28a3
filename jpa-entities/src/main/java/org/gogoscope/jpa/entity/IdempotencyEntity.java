package org.gogoscope.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A row of {@code go_goscope_idempotency}: in progress ({@code result} null; {@code claimToken} set;
 * {@code expiresAt} is the lease) or completed ({@code result} JSON; {@code expiresAt} is the record's TTL).
 * Absent for the library once {@code expiresAt} (UTC) has passed. Read-only.
 */
@Entity(name = "GoGoScopeIdempotency")
@Table(name = "go_goscope_idempotency")
public class IdempotencyEntity {

    @Id
    @Column(name = "`key`", insertable = false, updatable = false)
    private String key;

    @Column(name = "claim_token", insertable = false, updatable = false)
    private String claimToken;

    @Column(name = "fingerprint", insertable = false, updatable = false)
    private String fingerprint;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON) // JSONB/JSON; text on SQLite
    @Column(name = "result", insertable = false, updatable = false)
    private String result;

    @Column(name = "expires_at", insertable = false, updatable = false)
    private LocalDateTime expiresAt;

    protected IdempotencyEntity() {
    }

    public String getKey() {
        return key;
    }

    public String getClaimToken() {
        return claimToken;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getResult() {
        return result;
    }

    public LocalDateTime getExpiresAt() {
        return expiresAt;
    }

    public boolean isCompleted() {
        return result != null;
    }
}
