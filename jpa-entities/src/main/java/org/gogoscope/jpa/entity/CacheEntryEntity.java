package org.gogoscope.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A row of {@code go_goscope_cache}: a JSON value, live while {@code expiresAt} (UTC) is null or in the future.
 * Expired rows may linger until purged. Read-only.
 */
@Entity(name = "GoGoScopeCacheEntry")
@Table(name = "go_goscope_cache")
public class CacheEntryEntity {

    @Id
    @Column(name = "`key`", insertable = false, updatable = false)
    private String key;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON) // JSONB/JSON; text on SQLite
    @Column(name = "value", insertable = false, updatable = false)
    private String value;

    @Column(name = "expires_at", insertable = false, updatable = false)
    private LocalDateTime expiresAt;

    protected CacheEntryEntity() {
    }

    public String getKey() {
        return key;
    }

    /** The value as JSON text. */
    public String getValue() {
        return value;
    }

    public LocalDateTime getExpiresAt() {
        return expiresAt;
    }
}
