package org.gogoscope.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.api.CircuitRecordInfo;
import org.gogoscope.api.CircuitState;
import org.junit.jupiter.api.Test;

/**
 * The versioned breaker documents of {@link CircuitBreakerStateProvider#readRecord} and
 * {@link CircuitBreakerStateProvider#compareAndSetRecord}, used by the shared MicroProfile circuit breaker.
 * Part of {@link ConformanceSuite} ({@code CircuitRecords}), so every backend runs it.
 */
public abstract class CircuitRecordContract extends ContractSupport {

    private static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(5);

    @Test
    public void anAbsentRecordHasVersionZeroAndTheBackendTime() {
        CircuitRecord record = node().circuitBreakers().readRecord("svc");
        assertThat(record.exists()).isFalse();
        assertThat(record.data()).isNull();
        assertThat(record.version()).isZero();
        assertThat(record.backendTime()).isBetween(Instant.now().minus(CLOCK_TOLERANCE),
                Instant.now().plus(CLOCK_TOLERANCE));
    }

    @Test
    public void compareAndSetInsertsOnlyIfAbsentAndThenFollowsTheVersion() {
        CircuitBreakerStateProvider a = node().circuitBreakers();
        CircuitBreakerStateProvider b = node().circuitBreakers();
        assertThat(a.compareAndSetRecord("svc", 0, "{\"v\":1}")).isTrue();
        assertThat(b.compareAndSetRecord("svc", 0, "{\"v\":2}")).isFalse();
        CircuitRecord read = b.readRecord("svc");
        assertThat(read.data()).isEqualTo("{\"v\":1}");
        assertThat(read.version()).isEqualTo(1);
        assertThat(b.compareAndSetRecord("svc", 1, "{\"v\":3}")).isTrue();
        assertThat(a.compareAndSetRecord("svc", 1, "{\"v\":4}")).isFalse();
        assertThat(a.readRecord("svc")).extracting(CircuitRecord::data, CircuitRecord::version)
                .containsExactly("{\"v\":3}", 2L);
    }

    @Test
    public void recordsAndStatesOfOneKeyAreIndependent() {
        CircuitBreakerStateProvider circuits = node().circuitBreakers();
        circuits.recordFailure("svc", 1);
        assertThat(circuits.readRecord("svc").exists()).isFalse();
        assertThat(circuits.compareAndSetRecord("svc", 0, "x")).isTrue();
        assertThat(circuits.getState("svc").orElseThrow().state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    public void stateOperationsLeaveTheRecordAloneAndRecordsCreateNoState() {
        CircuitBreakerStateProvider circuits = node().circuitBreakers();
        assertThat(circuits.compareAndSetRecord("svc", 0, "kept")).isTrue();
        assertThat(circuits.getState("svc")).isEmpty();
        circuits.setState("svc", new CircuitBreakerState(CircuitState.OPEN, 3, Instant.now(), null));
        circuits.recordFailure("svc", 5);
        circuits.transitionToHalfOpen("svc", Duration.ZERO);
        circuits.recordSuccess("svc");
        circuits.setState("svc", CircuitBreakerState.initial());
        assertThat(node().circuitBreakers().readRecord("svc")).extracting(CircuitRecord::data, CircuitRecord::version)
                .containsExactly("kept", 1L);
    }

    @Test
    public void recordsArePrefixIsolated() {
        node().circuitBreakers().compareAndSetRecord("svc", 0, "mine");
        assertThat(node(otherPrefix()).circuitBreakers().readRecord("svc").exists()).isFalse();
    }

    @Test
    public void exactlyOneOfConcurrentWritersOfOneVersionWins() throws Exception {
        node().circuitBreakers().compareAndSetRecord("svc", 0, "start");
        List<Boolean> results = concurrently(8, i -> node().circuitBreakers().compareAndSetRecord("svc", 1, "w" + i));
        assertThat(results).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(node().circuitBreakers().readRecord("svc").version()).isEqualTo(2);
    }

    @Test
    public void concurrentReadModifyWriteLoopsLoseNoUpdate() throws Exception {
        int threads = 6;
        int increments = 20;
        concurrently(threads, i -> {
            CircuitBreakerStateProvider circuits = node().circuitBreakers();
            for (int n = 0; n < increments; n++) {
                while (true) {
                    CircuitRecord read = circuits.readRecord("counter");
                    long value = read.exists() ? Long.parseLong(read.data()) : 0;
                    if (circuits.compareAndSetRecord("counter", read.version(), Long.toString(value + 1))) {
                        break;
                    }
                }
            }
            return null;
        });
        CircuitRecord end = node().circuitBreakers().readRecord("counter");
        assertThat(end.data()).isEqualTo(Long.toString(threads * increments));
        assertThat(end.version()).isEqualTo(threads * increments);
    }

    @Test
    public void theLargestDocumentRoundTripsExactlyAndALargerOneIsRefused() {
        String largest = "\u00e9\u20ac\ud83d\ude00a\"\\\n".repeat(64 * 1024 / 8);
        assertThat(largest).hasSize(64 * 1024);
        CircuitBreakerStateProvider circuits = node().circuitBreakers();
        assertThat(circuits.compareAndSetRecord("big", 0, largest)).isTrue();
        assertThat(node().circuitBreakers().readRecord("big").data()).isEqualTo(largest);
        assertThatThrownBy(() -> circuits.compareAndSetRecord("big", 1, largest + "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data");
        assertThat(circuits.readRecord("big").version()).isEqualTo(1);
    }

    @Test
    public void badArgumentsAreNamed() {
        CircuitBreakerStateProvider circuits = node().circuitBreakers();
        assertThatThrownBy(() -> circuits.compareAndSetRecord("svc", -1, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expectedVersion");
        assertThatThrownBy(() -> circuits.compareAndSetRecord("svc", 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data");
        assertThatThrownBy(() -> circuits.readRecord(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
    }

    @Test
    public void listRecordsShowsTheDocumentsMatchingAGlobPageByPage() {
        CircuitBreakerStateProvider a = node().circuitBreakers();
        for (String key : List.of("svc:a", "svc:b", "svc:c", "other:a", "svc%_*?[x]")) {
            assertThat(a.compareAndSetRecord(key, 0, "{\"of\":\"" + key + "\"}")).isTrue();
        }
        assertThat(a.compareAndSetRecord("svc:b", 1, "{\"v\":2}")).isTrue();
        a.recordFailure("svc:state-only", 1);
        node("o" + prefix).circuitBreakers().compareAndSetRecord("svc:z", 0, "{}");
        CircuitBreakerStateProvider b = node().circuitBreakers();

        Map<String, CircuitRecordInfo> listed = new TreeMap<>();
        for (CircuitRecordInfo record : allPages(2, (cursor, limit) -> b.listRecords("svc:*", cursor, limit))) {
            assertThat(listed.put(record.key(), record)).as("listed twice: " + record.key()).isNull();
        }
        assertThat(listed.keySet()).containsExactly("svc:a", "svc:b", "svc:c");
        assertThat(listed.get("svc:a")).isEqualTo(new CircuitRecordInfo("svc:a", "{\"of\":\"svc:a\"}", 1));
        assertThat(listed.get("svc:b")).isEqualTo(new CircuitRecordInfo("svc:b", "{\"v\":2}", 2));
        assertThat(keys(b, "svc:?")).containsExactly("svc:a", "svc:b", "svc:c");
        assertThat(keys(b, "*a")).containsExactly("other:a", "svc:a");
        assertThat(keys(b, "svc%_*")).containsExactly("svc%_*?[x]");
        assertThat(keys(node("o" + prefix).circuitBreakers(), "*")).containsExactly("svc:z");
        assertThatThrownBy(() -> b.listRecords("*", null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> b.listRecords(null, null, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pattern");
    }

    private static List<String> keys(CircuitBreakerStateProvider circuits, String pattern) {
        return allPages(1000, (cursor, limit) -> circuits.listRecords(pattern, cursor, limit)).stream()
                .map(CircuitRecordInfo::key).sorted().toList();
    }
}
