package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * KNOWN FAILURE (core argument checks; visible on every persistent backend). A Java string with an unpaired
 * UTF-16 surrogate is accepted as a key, but UTF-8 encoding (JDBC drivers, Jedis) replaces the surrogate with
 * {@code '?'} (MongoDB's driver with U+FFFD). So {@code "k\uD800"} and {@code "k?"} name the SAME entry on
 * PostgreSQL, MariaDB, SQLite and Redis (a write to one overwrites the other: cross-key access), and
 * {@code keys()} returns {@code "k?"} for a key written as {@code "k\uD800"}. Values with unpaired surrogates
 * come back altered too. Only the in-memory backend keeps them apart. Expected: reject such keys with an
 * {@link IllegalArgumentException} naming the argument (core {@code Args.text} / {@code KeySpace.full}), and
 * values likewise in {@code JsonCodec.toJson}, or store them losslessly.
 */
class UnpairedSurrogateKeysTest {

    static java.util.stream.Stream<Backends> backends() {
        return Backends.persistent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aKeyWithAnUnpairedSurrogateIsRejectedOrKeptApart(Backends backend) {
        try (PersistenceAdapter adapter = backend.connectedNode(Backends.freshPrefix("surrogate"))) {
            adapter.cache().set("k?", "question mark");
            try {
                adapter.cache().set("k\uD800", "surrogate");
            } catch (IllegalArgumentException rejected) {
                assertThat(rejected).hasMessageContaining("key");
                return;
            }
            assertThat(adapter.cache().get("k?", String.class)).as("the other key's value").contains("question mark");
            assertThat(adapter.cache().keys()).containsExactlyInAnyOrder("k?", "k\uD800");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aValueWithAnUnpairedSurrogateIsRejectedOrKeptIntact(Backends backend) {
        try (PersistenceAdapter adapter = backend.connectedNode(Backends.freshPrefix("surrogate"))) {
            String value = "lone \uDC00 low";
            try {
                adapter.cache().set("v", value);
            } catch (IllegalArgumentException rejected) {
                assertThatThrownBy(() -> adapter.cache().get("v", String.class).orElseThrow());
                return;
            }
            assertThat(adapter.cache().get("v", String.class)).contains(value);
        }
    }
}
