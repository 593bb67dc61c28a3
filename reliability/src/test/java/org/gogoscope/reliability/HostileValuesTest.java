package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile values on every backend: large values round-trip (1 MiB) or fail cleanly (20 MiB, beyond MariaDB's
 * packet and MongoDB's document limits); deeply nested JSON round-trips (depth 31) or fails cleanly (depth
 * 3000); values JSON-B cannot map (a cycle, a throwing getter) are an {@link IllegalArgumentException} naming
 * the argument; reading a value as the wrong type likewise. "Cleanly" means an IllegalArgumentException or a
 * BackendException, never another exception, and nothing half-written: the previous value is still there,
 * no checkpoint appears, an in-progress claim can still be completed.
 */
class HostileValuesTest {

    private static final int SHALLOW = 31;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.class)
    void largeValuesRoundTripOrFailWithoutAHalfWrite(Backends backend) {
        try (PersistenceAdapter adapter = backend.connectedNode(Backends.freshPrefix("large"))) {
            String mebibyte = "x'\"%\\".repeat(1 << 18);
            adapter.cache().set("big", mebibyte);
            assertThat(adapter.cache().get("big", String.class)).contains(mebibyte);
            adapter.checkpoints().save(new Checkpoint<>("cp", "task", 0, Instant.now(), 1, mebibyte, null));
            assertThat(adapter.checkpoints().load("cp", String.class)).get().extracting(Checkpoint::data)
                    .isEqualTo(mebibyte);
            adapter.idempotency().set("result", mebibyte, Duration.ofMinutes(5));
            assertThat(adapter.idempotency().get("result", String.class)).contains(mebibyte);

            String huge = "y".repeat(20 << 20);
            String outcome = attempt(() -> adapter.cache().set("big", huge));
            if (outcome.equals("stored")) {
                assertThat(adapter.cache().get("big", String.class)).contains(huge);
            } else {
                assertThat(adapter.cache().get("big", String.class)).as("previous value kept").contains(mebibyte);
            }
            String checkpointOutcome = attempt(() -> adapter.checkpoints().save(
                    new Checkpoint<>("cp2", "task", 1, Instant.now(), 1, huge, null)));
            assertThat(adapter.checkpoints().load("cp2", String.class).isPresent())
                    .as("a checkpoint exists iff its save returned").isEqualTo(checkpointOutcome.equals("stored"));
            System.out.printf("VALUES %-10s 1MiB round trip ok; 20MiB cache.set: %s, checkpoint.save: %s%n", backend,
                    outcome, checkpointOutcome);
            adapter.cache().clear();
            adapter.checkpoints().deleteAll("task");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.class)
    void deeplyNestedJsonRoundTripsOrFailsWithoutAHalfWrite(Backends backend) {
        try (PersistenceAdapter adapter = backend.connectedNode(Backends.freshPrefix("nested"))) {
            // 31: MariaDB's json_valid CHECK refuses 32 and deeper (known-failures/MariaDbJsonDepthTest)
            Object shallow = nested(SHALLOW);
            adapter.cache().set("doc", shallow);
            assertThat(depth(adapter.cache().get("doc", Object.class).orElseThrow())).isEqualTo(SHALLOW);

            Object deep = nested(3000);
            String outcome = attempt(() -> adapter.cache().set("doc", deep));
            if (outcome.equals("stored")) {
                String read = attempt(() -> assertThat(depth(adapter.cache().get("doc", Object.class).orElseThrow()))
                        .isEqualTo(3000));
                outcome += ", read back: " + read;
                assertThat(read).as("a stored value reads back or fails as an argument/backend error")
                        .doesNotStartWith("other");
            } else {
                assertThat(depth(adapter.cache().get("doc", Object.class).orElseThrow())).as("previous value kept")
                        .isEqualTo(SHALLOW);
            }
            System.out.printf("VALUES %-10s depth %d round trip ok; depth 3000: %s%n", backend, SHALLOW, outcome);
            adapter.cache().clear();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.class)
    void unmappableValuesAreArgumentErrorsAndWriteNothing(Backends backend) {
        try (PersistenceAdapter adapter = backend.connectedNode(Backends.freshPrefix("unmappable"))) {
            List<Object> cycle = new ArrayList<>();
            cycle.add(cycle);
            for (Object bad : List.of(cycle, new Exploding())) {
                adapter.cache().set("k", "before");
                assertThatThrownBy(() -> adapter.cache().set("k", bad)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("value");
                assertThat(adapter.cache().get("k", String.class)).contains("before");

                assertThatThrownBy(() -> adapter.checkpoints().save(new Checkpoint<>("cp", "task", 0, Instant.now(), 1,
                        bad, null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data");
                assertThat(adapter.checkpoints().load("cp", Object.class)).isEmpty();
                assertThat(adapter.checkpoints().list("task", Object.class)).isEmpty();

                adapter.idempotency().set("done", "before", Duration.ofMinutes(5));
                assertThatThrownBy(() -> adapter.idempotency().set("done", bad, Duration.ofMinutes(5)))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("result");
                assertThat(adapter.idempotency().get("done", String.class)).contains("before");

                ClaimResult<String> claim = adapter.idempotency().claim("job", null, Duration.ofMinutes(1),
                        String.class);
                assertThat(claim).isInstanceOf(ClaimResult.Claimed.class);
                String token = ((ClaimResult.Claimed<String>) claim).claimToken();
                assertThatThrownBy(() -> adapter.idempotency().complete("job", token, bad, Duration.ofMinutes(5)))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("result");
                assertThat(adapter.idempotency().claim("job", null, Duration.ofMinutes(1), String.class))
                        .as("still in progress").isInstanceOf(ClaimResult.InProgress.class);
                assertThat(adapter.idempotency().complete("job", token, "fine", Duration.ofMinutes(5))).isTrue();
                assertThat(adapter.idempotency().get("job", String.class)).contains("fine");
                adapter.idempotency().delete("job");
            }
            adapter.cache().set("number", Map.of("a", 1));
            assertThatThrownBy(() -> adapter.cache().get("number", Integer.class))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("number");
            adapter.cache().clear();
        }
    }

    /** A bean JSON-B cannot serialise: its only property throws. */
    public static final class Exploding {
        public String getBoom() {
            throw new IllegalStateException("boom");
        }
    }

    /** "stored" if {@code write} returned, else the kind of exception (argument / backend / other). */
    private static String attempt(Runnable write) {
        try {
            write.run();
            return "stored";
        } catch (IllegalArgumentException e) {
            return "IllegalArgumentException (" + abbreviate(e.getMessage()) + ")";
        } catch (BackendException e) {
            return "BackendException (" + abbreviate(e.getMessage()) + ")";
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("neither an argument nor a backend error", e);
        }
    }

    private static String abbreviate(String message) {
        String line = String.valueOf(message).lines().findFirst().orElse("");
        return line.length() > 110 ? line.substring(0, 110) + "..." : line;
    }

    private static Object nested(int depth) {
        Object value = "bottom";
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    private static int depth(Object value) {
        int depth = 0;
        while (value instanceof List<?> list) {
            value = list.get(0);
            depth++;
        }
        assertThat(value).isEqualTo("bottom");
        return depth;
    }
}
