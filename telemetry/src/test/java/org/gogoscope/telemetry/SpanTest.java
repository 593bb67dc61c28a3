package org.gogoscope.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.OptionalLong;
import org.gogoscope.api.BackendException;
import org.gogoscope.core.StorageAdapter;
import org.gogoscope.core.memory.MemoryAdapter;
import org.gogoscope.core.storage.LockStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where a backend operation's span sits in the trace (a child of the caller's current span, the parent of spans
 * opened inside it, and the current span again the caller's afterwards), and what a failed operation records.
 */
class SpanTest {

    private final Recorded recorded = new Recorded();
    private final Tracer tracer = recorded.sdk.getTracer("test");

    @AfterEach
    void stop() {
        recorded.close();
    }

    @Test
    void anOperationIsAChildOfTheCallersSpanWhichIsCurrentAgainAfterIt() {
        MemoryAdapter adapter = new MemoryAdapter("spans:");
        OpenTelemetryTelemetry.observe(adapter, "orders", recorded.sdk);
        adapter.connect();
        Span request = tracer.spanBuilder("POST /orders").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            adapter.locks().acquire("order-42", Duration.ofMinutes(1)).orElseThrow();
            assertThat(Span.current()).isSameAs(request);
        } finally {
            request.end();
        }
        SpanData acquire = span("lock.acquire");
        assertThat(acquire.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(acquire.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(span("connect").getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void aSpanADriverOpensInsideTheOperationIsItsChild() {
        LockStorage locks = (LockStorage) Proxy.newProxyInstance(LockStorage.class.getClassLoader(),
                new Class<?>[] {LockStorage.class}, (proxy, method, args) -> {
                    tracer.spanBuilder("INSERT locks").setSpanKind(SpanKind.CLIENT).startSpan().end();
                    return OptionalLong.of(7);
                });
        StorageAdapter adapter = Storages.withLocks("instrumented", locks);
        OpenTelemetryTelemetry.observe(adapter, "orders", recorded.sdk);
        adapter.connect();
        assertThat(adapter.locks().acquire("job", Duration.ofMinutes(1))).isPresent();
        assertThat(span("INSERT locks").getParentSpanId()).isEqualTo(span("lock.acquire").getSpanId());
        assertThat(Span.current().getSpanContext().isValid()).as("nothing left current").isFalse();
    }

    @Test
    void aFailedOperationIsAnErrorSpanAnErrorDurationAndAnErrorOutcome() {
        StorageAdapter adapter = Storages.broken();
        OpenTelemetryTelemetry.observe(adapter, "orders", recorded.sdk);
        adapter.connect();
        assertThatThrownBy(() -> adapter.locks().acquire("job", Duration.ofMinutes(1)))
                .isInstanceOf(BackendException.class);
        assertThatThrownBy(() -> adapter.cache().get("k", String.class)).isInstanceOf(BackendException.class);
        assertThatThrownBy(() -> adapter.idempotency().claim("k", null, Duration.ofMinutes(1), String.class))
                .isInstanceOf(BackendException.class);
        assertThat(Span.current().getSpanContext().isValid()).as("nothing left current").isFalse();

        String type = "org.gogoscope.api.BackendException";
        SpanData acquire = span("lock.acquire");
        assertThat(acquire.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(acquire.getAttributes().asMap()).isEqualTo(Attrs.of("gogoscope.store", "orders",
                "gogoscope.backend", "broken", "gogoscope.operation", "lock.acquire", "error.type", type).asMap());
        assertThat(acquire.getEvents()).extracting(EventData::getName).containsExactly("exception");
        assertThat(acquire.getEvents().get(0).getAttributes().get(AttributeKey.stringKey("exception.type")))
                .isEqualTo(type);
        assertThat(span("connect").getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

        assertThat(recorded.histogramCount("gogoscope.backend.operation.duration", Attrs.of("gogoscope.store",
                "orders", "gogoscope.backend", "broken", "gogoscope.operation", "lock.acquire", "error.type", type)))
                .isOne();
        assertThat(recorded.histogramCount("gogoscope.backend.operation.duration", Attrs.of("gogoscope.store",
                "orders", "gogoscope.backend", "broken", "gogoscope.operation", "lock.acquire"))).as("no success")
                .isZero();
        assertThat(recorded.counter("gogoscope.lock.acquisitions", Attrs.of("gogoscope.store", "orders",
                "gogoscope.backend", "broken", "gogoscope.outcome", "error"))).isOne();
        assertThat(recorded.counter("gogoscope.cache.reads", Attrs.of("gogoscope.store", "orders",
                "gogoscope.backend", "broken", "gogoscope.outcome", "error"))).isOne();
        assertThat(recorded.counter("gogoscope.idempotency.claims", Attrs.of("gogoscope.store", "orders",
                "gogoscope.backend", "broken", "gogoscope.outcome", "error"))).isOne();
    }

    private SpanData span(String name) {
        return recorded.finishedSpans().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no span " + name + " in " + recorded.finishedSpans()));
    }
}
