package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.api.Test;

/**
 * KNOWN FAILURE (MariaDB backend). The value columns carry MariaDB's {@code CHECK (json_valid(value))}, and
 * MariaDB 10.11's {@code json_valid} returns 0 for any document nested 32 levels or deeper
 * ({@code SELECT json_valid(concat(repeat('[',32),'1',repeat(']',32)))} is 0; 31 is 1). So a perfectly valid
 * value nested 32+ deep fails {@code cache.set} (and checkpoint/idempotency writes) with
 * {@code BackendException: mariadb cache.set failed: CONSTRAINT `go_goscope_cache.value` failed}, while
 * PostgreSQL, SQLite, Redis and MongoDB store it. A BackendException also tells circuit breakers and health
 * checks the database is failing when it is not. Expected: store it (no json_valid CHECK, or LONGTEXT without
 * it), or reject it with an {@link IllegalArgumentException} naming the value before sending.
 */
class MariaDbJsonDepthTest {

    @Test
    void aValueNestedFiftyDeepIsStoredOrRejectedAsAnArgumentError() {
        Object value = "bottom";
        for (int i = 0; i < 50; i++) {
            value = List.of(value);
        }
        try (PersistenceAdapter adapter = Backends.MARIADB.connectedNode(Backends.freshPrefix("depth"))) {
            try {
                adapter.cache().set("doc", value);
                assertThat(adapter.cache().get("doc", Object.class)).contains(value);
            } catch (IllegalArgumentException acceptable) {
                assertThat(acceptable).hasMessageContaining("value");
            }
        }
    }
}
