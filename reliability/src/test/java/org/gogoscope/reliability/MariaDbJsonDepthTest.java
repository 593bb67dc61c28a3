package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.api.Test;

/**
 * A value nested 50 deep is stored on MariaDB as on every other backend. It used to fail with
 * {@code BackendException: mariadb cache.set failed: CONSTRAINT `go_goscope_cache.value` failed}: MariaDB's JSON
 * type is LONGTEXT with {@code CHECK (json_valid(value))}, and MariaDB 10.11's json_valid refuses any document
 * nested 32 levels or deeper. The MariaDB schema now uses LONGTEXT and the migration drops that check.
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
