package org.gogoscope.telemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OpenTelemetry SDK that keeps what it records in memory: finished spans as they end, metrics (cumulative) when
 * read. The helpers return one series' value by its exact attribute set, 0 when the series does not exist.
 */
final class Recorded implements AutoCloseable {

    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build();

    /** Every metric by name, read now. */
    Map<String, MetricData> read() {
        Collection<MetricData> all = metrics.collectAllMetrics();
        Map<String, MetricData> byName = new LinkedHashMap<>();
        for (MetricData metric : all) {
            byName.put(metric.getName(), metric);
        }
        return byName;
    }

    Optional<MetricData> metric(String name) {
        return Optional.ofNullable(read().get(name));
    }

    /** A counter's value for exactly {@code attributes}. */
    long counter(String name, Attributes attributes) {
        return metric(name).filter(m -> m.getType() == MetricDataType.LONG_SUM).stream()
                .flatMap(m -> m.getLongSumData().getPoints().stream())
                .filter(p -> p.getAttributes().equals(attributes)).mapToLong(LongPointData::getValue).sum();
    }

    /** A gauge's value for exactly {@code attributes}, empty when it reported none. */
    Optional<Long> gauge(String name, Attributes attributes) {
        return metric(name).filter(m -> m.getType() == MetricDataType.LONG_GAUGE).stream()
                .flatMap(m -> m.getLongGaugeData().getPoints().stream())
                .filter(p -> p.getAttributes().equals(attributes)).map(LongPointData::getValue).findFirst();
    }

    /** A gauge's points, attribute set to value. */
    Map<Attributes, Long> gauge(String name) {
        Map<Attributes, Long> points = new LinkedHashMap<>();
        metric(name).filter(m -> m.getType() == MetricDataType.LONG_GAUGE)
                .ifPresent(m -> m.getLongGaugeData().getPoints().forEach(p -> points.put(p.getAttributes(),
                        p.getValue())));
        return points;
    }

    /** A histogram's point for exactly {@code attributes}, empty when none. */
    Optional<HistogramPointData> histogram(String name, Attributes attributes) {
        return metric(name).filter(m -> m.getType() == MetricDataType.HISTOGRAM).stream()
                .flatMap(m -> m.getHistogramData().getPoints().stream())
                .filter(p -> p.getAttributes().equals(attributes)).findFirst();
    }

    long histogramCount(String name, Attributes attributes) {
        return histogram(name, attributes).map(HistogramPointData::getCount).orElse(0L);
    }

    List<SpanData> finishedSpans() {
        return spans.getFinishedSpanItems();
    }

    @Override
    public void close() {
        sdk.close();
    }
}
