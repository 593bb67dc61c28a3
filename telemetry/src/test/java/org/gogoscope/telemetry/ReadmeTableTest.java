package org.gogoscope.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.core.StorageAdapter;
import org.gogoscope.core.memory.MemoryAdapter;
import org.gogoscope.core.telemetry.Telemetry.BreakerState;
import org.junit.jupiter.api.Test;

/**
 * The table of metrics and spans in this module's README and in the root README is what the code reports: every
 * instrument a full scenario produces, with its type, unit and attribute names, and the spans' attribute names;
 * nothing more, nothing less, and the two tables are the same text.
 */
class ReadmeTableTest {

    private static final Pattern TABLE = Pattern.compile(
            "<!-- telemetry-table:begin .*? -->\\n(.*?)<!-- telemetry-table:end -->", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([a-z ()A-Z]+) \\| ([^|]+) \\| ([^|]+) \\|",
            Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** One row as the code reports it: type, unit, attribute names. */
    record Row(String type, String unit, TreeSet<String> attributes) {
    }

    @Test
    void bothReadmesListExactlyWhatTheCodeReports() throws IOException {
        String module = table(Path.of("README.md"));
        String root = table(Path.of("..", "README.md"));
        assertThat(root).as("the root README's table is this module's").isEqualTo(module);
        assertThat(rows(module)).isEqualTo(reported());
    }

    private static String table(Path readme) throws IOException {
        Matcher m = TABLE.matcher(Files.readString(readme, StandardCharsets.UTF_8));
        assertThat(m.find()).as("%s has the telemetry-table markers", readme).isTrue();
        return m.group(1);
    }

    private static Map<String, Row> rows(String table) {
        Map<String, Row> rows = new TreeMap<>();
        Matcher m = ROW.matcher(table);
        while (m.find()) {
            TreeSet<String> attributes = new TreeSet<>();
            Matcher code = CODE.matcher(m.group(4));
            while (code.find()) {
                attributes.add(code.group(1));
            }
            String unit = m.group(3).strip();
            rows.put(m.group(1), new Row(m.group(2).strip(), unit.equals("—") ? "" : unit.replace("`", ""),
                    attributes));
        }
        return rows;
    }

    /** Every instrument and the spans, after a scenario that makes each report every attribute it has. */
    private static Map<String, Row> reported() {
        Map<String, Row> rows = new TreeMap<>();
        try (Recorded recorded = new Recorded()) {
            scenario(recorded.sdk);
            for (MetricData metric : recorded.read().values()) {
                TreeSet<String> attributes = new TreeSet<>();
                List<PointData> points = new ArrayList<>(metric.getData().getPoints());
                points.forEach(p -> p.getAttributes().forEach((key, value) -> attributes.add(key.getKey())));
                rows.put(metric.getName(), new Row(type(metric.getType()), metric.getUnit(), attributes));
            }
            TreeSet<String> spanAttributes = new TreeSet<>();
            for (SpanData span : recorded.finishedSpans()) {
                span.getAttributes().forEach((key, value) -> spanAttributes.add(key.getKey()));
            }
            rows.put("<operation>", new Row("span (CLIENT)", "", spanAttributes));
        }
        return rows;
    }

    private static void scenario(OpenTelemetry sdk) {
        MemoryAdapter adapter = new MemoryAdapter("table:");
        OpenTelemetryTelemetry telemetry = OpenTelemetryTelemetry.observe(adapter, "orders", sdk);
        adapter.connect();
        adapter.locks().acquire("job", Duration.ofMinutes(1)).orElseThrow().release();
        adapter.cache().get("k", String.class);
        adapter.idempotency().claim("op", null, Duration.ofMinutes(1), String.class);
        adapter.checkpoints().save(new Checkpoint<>("c", "t", 1, Instant.now(), 1, "d", null));
        StorageAdapter broken = Storages.broken();
        OpenTelemetryTelemetry.observe(broken, "orders", sdk);
        broken.connect();
        try {
            broken.locks().acquire("job", Duration.ofMinutes(1));
        } catch (RuntimeException expected) {
            // the failed operation's span and duration carry error.type
        }
        telemetry.lockWaited("orders", "Jobs.run", 1, true);
        telemetry.watchdogExtended("orders", "Jobs.run");
        telemetry.watchdogLost("orders", "Jobs.run");
        telemetry.breakerState("orders", "payments", () -> BreakerState.CLOSED);
        telemetry.breakerTransition("orders", "payments", BreakerState.CLOSED, BreakerState.OPEN);
        telemetry.breakerRejected("orders", "payments");
        telemetry.breakerRead("orders", "payments");
    }

    private static String type(MetricDataType type) {
        return switch (type) {
            case LONG_SUM, DOUBLE_SUM -> "counter";
            case HISTOGRAM -> "histogram";
            case LONG_GAUGE, DOUBLE_GAUGE -> "gauge";
            default -> type.name();
        };
    }
}
