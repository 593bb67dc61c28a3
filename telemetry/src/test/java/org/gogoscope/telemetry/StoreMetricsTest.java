package org.gogoscope.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gogoscope.telemetry.Attrs.orders;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.time.Instant;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.LockHandle;
import org.gogoscope.core.memory.MemoryAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scripted work on an in-memory store named {@code orders}, observed through {@link OpenTelemetryTelemetry#observe}
 * into an in-memory SDK: each instrument's exact values and attribute sets.
 */
class StoreMetricsTest {

    private Recorded recorded;
    private MemoryAdapter adapter;
    private OpenTelemetryTelemetry telemetry;

    @BeforeEach
    void start() {
        recorded = new Recorded();
        adapter = new MemoryAdapter("metrics:");
        telemetry = OpenTelemetryTelemetry.observe(adapter, "orders", recorded.sdk);
        adapter.connect();
    }

    @AfterEach
    void stop() {
        adapter.disconnect();
        telemetry.close();
        recorded.close();
    }

    @Test
    void acquisitionsAreCountedByOutcomeAndAReleaseRecordsTheHold() {
        LockHandle handle = adapter.locks().acquire("job", Duration.ofMinutes(1), "a").orElseThrow();
        assertThat(adapter.locks().acquire("job", Duration.ofMinutes(1), "b")).isEmpty();
        assertThat(handle.release()).isTrue();

        assertThat(recorded.counter("gogoscope.lock.acquisitions", orders("gogoscope.outcome", "granted"))).isOne();
        assertThat(recorded.counter("gogoscope.lock.acquisitions", orders("gogoscope.outcome", "refused"))).isOne();
        assertThat(recorded.counter("gogoscope.lock.acquisitions", orders("gogoscope.outcome", "error"))).isZero();
        assertThat(recorded.histogram("gogoscope.lock.held.duration", orders())).hasValueSatisfying(point -> {
            assertThat(point.getCount()).isOne();
            assertThat(point.getSum()).isGreaterThan(0).isLessThan(60);
        });
        assertThat(recorded.histogramCount("gogoscope.backend.operation.duration",
                orders("gogoscope.operation", "lock.acquire"))).isEqualTo(2);
        assertThat(recorded.histogramCount("gogoscope.backend.operation.duration",
                orders("gogoscope.operation", "lock.release"))).isOne();
    }

    @Test
    void theHeldGaugeCountsGrantsUntilReleasedOrPastTheirTtl() throws InterruptedException {
        assertThat(recorded.gauge("gogoscope.lock.held", orders())).contains(0L);
        LockHandle released = adapter.locks().acquire("a", Duration.ofMinutes(1)).orElseThrow();
        adapter.locks().acquire("b", Duration.ofMillis(200)).orElseThrow();
        assertThat(recorded.gauge("gogoscope.lock.held", orders())).contains(2L);
        released.release();
        assertThat(recorded.gauge("gogoscope.lock.held", orders())).contains(1L);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (recorded.gauge("gogoscope.lock.held", orders()).orElseThrow() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(recorded.gauge("gogoscope.lock.held", orders())).as("b's 200 ms TTL ran out").contains(0L);
    }

    @Test
    void cacheReadsAreHitsOrMisses() {
        adapter.cache().set("user:1", "Ada");
        assertThat(adapter.cache().get("user:1", String.class)).contains("Ada");
        assertThat(adapter.cache().get("user:2", String.class)).isEmpty();
        assertThat(adapter.cache().get("user:3", String.class)).isEmpty();

        assertThat(recorded.counter("gogoscope.cache.reads", orders("gogoscope.outcome", "hit"))).isOne();
        assertThat(recorded.counter("gogoscope.cache.reads", orders("gogoscope.outcome", "miss"))).isEqualTo(2);
        assertThat(recorded.histogramCount("gogoscope.backend.operation.duration",
                orders("gogoscope.operation", "cache.set"))).isOne();
    }

    @Test
    void idempotencyClaimsByOutcome() {
        Duration lease = Duration.ofMinutes(1);
        ClaimResult<String> first = adapter.idempotency().claim("pay-7", "fp", lease, String.class);
        assertThat(first).isInstanceOf(ClaimResult.Claimed.class);
        assertThat(adapter.idempotency().claim("pay-7", "fp", lease, String.class))
                .isInstanceOf(ClaimResult.InProgress.class);
        assertThat(adapter.idempotency().claim("pay-7", "other", lease, String.class))
                .isInstanceOf(ClaimResult.Mismatch.class);
        adapter.idempotency().complete("pay-7", ((ClaimResult.Claimed<String>) first).claimToken(), "paid", lease);
        assertThat(adapter.idempotency().claim("pay-7", "fp", lease, String.class))
                .isInstanceOf(ClaimResult.Completed.class);

        for (String outcome : new String[] {"claimed", "in_progress", "mismatch", "replayed"}) {
            assertThat(recorded.counter("gogoscope.idempotency.claims", orders("gogoscope.outcome", outcome)))
                    .as(outcome).isOne();
        }
        assertThat(recorded.counter("gogoscope.idempotency.claims", orders("gogoscope.outcome", "error"))).isZero();
    }

    @Test
    void aSavedCheckpointIsCounted() {
        adapter.checkpoints().save(new Checkpoint<>("report-1", "report", 1, Instant.now(), 25, "page 3", null));
        assertThat(recorded.counter("gogoscope.checkpoint.saves", orders())).isOne();
    }

    @Test
    void everyBackendOperationIsAClientSpanWithStoreBackendAndOperation() {
        adapter.locks().acquire("job", Duration.ofMinutes(1)).orElseThrow().release();
        adapter.cache().get("k", String.class);

        assertThat(recorded.finishedSpans()).extracting(SpanData::getName).containsExactly("connect",
                "lock.acquire", "lock.release", "cache.get");
        for (SpanData span : recorded.finishedSpans()) {
            assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(span.getAttributes().asMap()).isEqualTo(orders("gogoscope.operation", span.getName()).asMap());
            assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("org.gogoscope");
            assertThat(span.getInstrumentationScopeInfo().getVersion()).as("the library's version")
                    .isEqualTo(OpenTelemetryTelemetry.libraryVersion()).isNotBlank().doesNotContain("${");
            assertThat(span.getParentSpanContext().isValid()).as("no span was current").isFalse();
        }
    }
}
