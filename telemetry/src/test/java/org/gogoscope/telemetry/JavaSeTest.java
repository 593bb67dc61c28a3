package org.gogoscope.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.memory.MemoryAdapter;
import org.junit.jupiter.api.Test;

/** The root README's Java SE set-up, as written there (reliability's ReadmeSnippetsTest compares the lines). */
class JavaSeTest {

    @Test
    void theReadmesSetUpReports() {
        try (Recorded recorded = new Recorded()) {
            OpenTelemetry openTelemetry = recorded.sdk;
            PersistenceAdapter adapter = new MemoryAdapter("orders-service:");
            OpenTelemetryTelemetry.observe(adapter, "orders", openTelemetry); // before connect()
            adapter.connect();
            adapter.locks().acquire("order-42", Duration.ofSeconds(30)).orElseThrow().release();
            adapter.disconnect();

            assertThat(recorded.counter("gogoscope.lock.acquisitions", Attrs.orders("gogoscope.outcome",
                    "granted"))).isOne();
        }
    }
}
