package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.api.Test;

/**
 * Keys with a supplementary-plane character (U+10000 and above, e.g. emoji) are listed and cleared on MariaDB.
 * A regression test: MariaDB 10.11's LIKE range optimisation for {@code utf8mb4_nopad_bin} pads the upper bound of
 * the pattern's literal head with a BMP "max" character, so {@code key LIKE 'p:%'} on the primary key missed keys
 * with such a character right after the head ({@code keys()}, {@code keys("x*")} and {@code clear()} all did).
 * The statements now read the explicit range {@code key >= :lower AND key < :upper}, with bounds computed in
 * code-point order, and match with {@code CONCAT(key) LIKE ...} only as a filter inside it
 * ({@code MySqlStatements}), which the server does not turn into a range.
 */
class MariaDbSupplementaryKeysTest {

    @Test
    void keysAndClearSeeEmojiKeys() {
        try (PersistenceAdapter adapter = Backends.MARIADB.connectedNode(Backends.freshPrefix("emoji"))) {
            for (String key : new String[] {"😀", "x😀", "😀😀", "b"}) {
                adapter.cache().set(key, "v");
            }
            assertThat(adapter.cache().keys()).containsExactlyInAnyOrder("😀", "x😀", "😀😀", "b");
            assertThat(adapter.cache().keys("x*")).containsExactly("x😀");
            assertThat(adapter.cache().keys("?")).containsExactlyInAnyOrder("😀", "b");
            assertThat(adapter.cache().clear()).isEqualTo(4);
            assertThat(adapter.cache().has("😀")).isFalse();
        }
    }
}
