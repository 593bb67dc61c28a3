package org.gogoscope.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * In a CDI container, the extension finds this module's producer (through the jar's {@code beans.xml}) and attaches
 * its telemetry to the configured stores: an application bean's injected providers produce the metrics and spans,
 * over the deployment's {@code OpenTelemetry} bean or else the global one; with neither, nothing is reported and
 * the global is left unset.
 */
class CdiTest {

    private static final Map<String, String> MEMORY = Map.of("gogoscope.store.default.backend", "memory");

    private final Recorded recorded = new Recorded();

    @AfterEach
    void stop() {
        TheSdk.current = null;
        GlobalOpenTelemetry.resetForTest();
        recorded.close();
    }

    @Test
    void theDeploymentsOpenTelemetryBeanReceivesTheStoresMetricsAndSpans() {
        TheSdk.current = recorded.sdk;
        TheSdk.ASKED.set(0);
        try (Container container = new Container(MEMORY, TheSdk.class, Orders.class)) {
            container.bean(Orders.class).work();
            container.bean(Orders.class).hold("report");

            assertThat(recorded.counter("gogoscope.lock.acquisitions", store("gogoscope.outcome", "granted")))
                    .isEqualTo(2);
            assertThat(recorded.counter("gogoscope.lock.acquisitions", store("gogoscope.outcome", "refused")))
                    .isOne();
            assertThat(recorded.histogramCount("gogoscope.lock.held.duration", store())).isOne();
            assertThat(recorded.gauge("gogoscope.lock.held", store())).contains(1L);
            assertThat(recorded.counter("gogoscope.cache.reads", store("gogoscope.outcome", "hit"))).isOne();
            assertThat(recorded.counter("gogoscope.cache.reads", store("gogoscope.outcome", "miss"))).isOne();
            assertThat(recorded.histogramCount("gogoscope.backend.operation.duration",
                    store("gogoscope.operation", "connect"))).isOne();
            assertThat(recorded.finishedSpans()).filteredOn(span -> span.getName().startsWith("lock."))
                    .extracting(SpanData::getName)
                    .containsExactly("lock.acquire", "lock.acquire", "lock.release", "lock.acquire");
            assertThat(recorded.finishedSpans()).extracting(SpanData::getKind).containsOnly(SpanKind.CLIENT);
        }
        assertThat(recorded.gauge("gogoscope.lock.held")).as("the disposer unregistered the gauge").isEmpty();
        assertThat(recorded.finishedSpans()).extracting(SpanData::getName).as("reported after the application "
                + "context was destroyed").endsWith("disconnect");
        assertThat(TheSdk.ASKED).as("made once per deployment, not again for the disconnect").hasValue(1);
    }

    @Test
    void withoutABeanTheGlobalOpenTelemetryIsUsed() {
        GlobalOpenTelemetry.set(recorded.sdk);
        try (Container container = new Container(MEMORY, Orders.class)) {
            container.bean(Orders.class).work();
            assertThat(recorded.counter("gogoscope.lock.acquisitions", store("gogoscope.outcome", "granted")))
                    .isOne();
        }
    }

    @Test
    void withNeitherTheStoresWorkAndTheGlobalIsLeftUnset() {
        try (Container container = new Container(MEMORY, Orders.class)) {
            container.bean(Orders.class).work();
        }
        assertThat(GlobalOpenTelemetry.isSet()).as("a later GlobalOpenTelemetry.set still works").isFalse();
        assertThat(recorded.read()).isEmpty();
    }

    private static io.opentelemetry.api.common.Attributes store(String... more) {
        String[] all = new String[4 + more.length];
        all[0] = "gogoscope.store";
        all[1] = "default";
        all[2] = "gogoscope.backend";
        all[3] = "memory";
        System.arraycopy(more, 0, all, 4, more.length);
        return Attrs.of(all);
    }
}
