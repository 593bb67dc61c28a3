package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.api.Test;

/**
 * KNOWN FAILURE (PostgreSQL backend). PostgreSQL {@code text} cannot hold U+0000 and {@code jsonb} refuses the
 * escape {@code \u0000}. A key containing NUL fails with {@code BackendException: postgresql cache.set failed:
 * ERROR: invalid byte sequence for encoding "UTF8": 0x00}, and a string value containing NUL with
 * {@code ... ERROR: unsupported Unicode escape sequence}. Both are valid per the API (a key is any non-blank
 * string; a value anything JSON-B maps) and MariaDB, SQLite, Redis and the Mongo stand-in store them. A
 * {@code BackendException} also wrongly suggests the database is unhealthy (circuit breakers, health checks).
 * Expected: store them (e.g. escape NUL in keys, keep JSON text in a column type that accepts it) or reject
 * them with an {@link IllegalArgumentException} naming the argument before anything is sent.
 */
class PostgresNulCharacterTest {

    @Test
    void nulInKeysAndValuesIsStoredOrRejectedAsAnArgumentError() {
        try (PersistenceAdapter adapter = Backends.POSTGRESQL.connectedNode(Backends.freshPrefix("nul"))) {
            try {
                adapter.cache().set("a\u0000b", "v");
                assertThat(adapter.cache().get("a\u0000b", String.class)).contains("v");
            } catch (IllegalArgumentException acceptable) {
                assertThat(acceptable).hasMessageContaining("key");
            }
            try {
                adapter.cache().set("value", "x\u0000y");
                assertThat(adapter.cache().get("value", String.class)).contains("x\u0000y");
            } catch (IllegalArgumentException acceptable) {
                assertThat(acceptable).hasMessageContaining("value");
            }
        }
    }
}
