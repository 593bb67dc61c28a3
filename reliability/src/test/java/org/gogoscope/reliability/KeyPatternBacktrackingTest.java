package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * KNOWN FAILURE (core, every backend): {@code KeyPattern.toRegex()} turns each {@code *} into {@code [\s\S]*},
 * and {@code KeyPattern.matches} (used by the memory backend and to re-check every SQL/Redis/Mongo result)
 * runs it with java.util.regex, which backtracks exponentially in the number of stars. Measured on the memory
 * backend with one 40-character key of {@code a}s: 6 stars 1.1 s, 8 stars 3.6 s, 9 stars 7.9 s, 10 stars 39 s.
 * One {@code keys("*a*a*a*a*a*a*a*a*a*ab")} call by any client pins a CPU for minutes; no timeout applies.
 * Exposure: the in-memory backend always; the SQL backends only for keys the database's LIKE already
 * matched (so not with this reproduction); Redis for keys its SCAN MATCH returned (it scans {@code ?} as
 * {@code *} and re-checks in Java); the Mongo stand-in runs the same regex in-process.
 * Expected: glob matching in linear-ish time (e.g. the classic iterative matcher that backtracks only to the
 * last star), so this returns at once.
 */
class KeyPatternBacktrackingTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Backends.class, names = {"MEMORY"})
    void manyStarsDoNotMakeKeysExponential(Backends backend) throws Exception {
        try (PersistenceAdapter adapter = backend.connectedNode(Backends.freshPrefix("redos"))) {
            adapter.cache().set("a".repeat(40), 1, Duration.ofMinutes(5));
            String pattern = "*a".repeat(10) + "b";
            CompletableFuture<Integer> keys = CompletableFuture.supplyAsync(() -> adapter.cache().keys(pattern).size());
            try {
                assertThat(keys.get(5, TimeUnit.SECONDS)).isZero();
            } catch (TimeoutException e) {
                throw new AssertionError(backend + ": keys(\"" + pattern + "\") over one 40-char key did not return"
                        + " within 5 s (exponential backtracking in KeyPattern.matches)");
            }
        }
    }
}
