package org.gogoscope.benchmarks;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.gogoscope.core.telemetry.Telemetry;
import org.gogoscope.interceptors.GogoscopeInterceptorsExtension;
import org.gogoscope.telemetry.OpenTelemetryTelemetry;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of telemetry on a {@code @Locked} call (Weld SE, in-memory store, one acquire and one release per call):
 * without a Telemetry bean (nothing is reported), with gogoscope-telemetry over the OpenTelemetry API's no-op
 * implementation (the API present, no SDK), and over a real SDK that samples every span (batch span processor)
 * and aggregates every metric (periodic reader), both exporting to a discarding exporter. One call makes two
 * backend operations (two spans, two histogram points), one acquisition, one release, one wait.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Threads(1)
public class TelemetryBenchmarks {

    /** Which telemetry the container deploys. */
    enum Reporting {
        NONE, NOOP_API, SDK
    }

    /** Holds the {@link OpenTelemetry} the container's Telemetry bean reports to; set before each boot. */
    static volatile OpenTelemetry current;

    /** The deployment's Telemetry bean, as gogoscope-telemetry's producer would build it. */
    @ApplicationScoped
    public static class TelemetryBean {
        private OpenTelemetryTelemetry telemetry;

        @Produces
        @ApplicationScoped
        Telemetry telemetry() {
            telemetry = new OpenTelemetryTelemetry(current);
            return telemetry;
        }
    }

    /** A container with the benchmark beans and the chosen telemetry. */
    @State(Scope.Benchmark)
    public abstract static class Booted {
        WeldContainer weld;
        BenchService service;
        private OpenTelemetrySdk sdk;

        abstract Reporting reporting();

        @Setup(Level.Trial)
        public void boot() {
            ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
            Weld config = new Weld("telemetry-bench-" + UUID.randomUUID()).disableDiscovery()
                    .addBeanClasses(BenchStores.class, BenchService.class, FaultToleranceMeter.class)
                    .addExtension(new io.smallrye.config.inject.ConfigExtension())
                    .addExtension(new io.smallrye.faulttolerance.FaultToleranceExtension())
                    .addExtension(new GogoscopeInterceptorsExtension());
            if (reporting() != Reporting.NONE) {
                current = reporting() == Reporting.SDK ? sdk() : OpenTelemetry.noop();
                config.addBeanClasses(TelemetryBean.class);
            }
            weld = config.initialize();
            service = weld.select(BenchService.class).get();
        }

        private OpenTelemetry sdk() {
            sdk = OpenTelemetrySdk.builder()
                    .setTracerProvider(SdkTracerProvider.builder().setSampler(Sampler.alwaysOn())
                            .addSpanProcessor(BatchSpanProcessor.builder(new DiscardingSpans()).build()).build())
                    .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(PeriodicMetricReader
                            .builder(new DiscardingMetrics()).setInterval(Duration.ofSeconds(1)).build()).build())
                    .build();
            return sdk;
        }

        @TearDown(Level.Trial)
        public void shutdown() {
            weld.shutdown();
            if (sdk != null) {
                sdk.close();
            }
        }
    }

    public static class Without extends Booted {
        @Override
        Reporting reporting() {
            return Reporting.NONE;
        }
    }

    public static class NoopApi extends Booted {
        @Override
        Reporting reporting() {
            return Reporting.NOOP_API;
        }
    }

    public static class Sdk extends Booted {
        @Override
        Reporting reporting() {
            return Reporting.SDK;
        }
    }

    @Benchmark
    public Object lockedWithoutTelemetry(Without c) {
        return c.service.locked("a");
    }

    @Benchmark
    public Object lockedWithNoopApi(NoopApi c) {
        return c.service.locked("a");
    }

    @Benchmark
    public Object lockedWithSdk(Sdk c) {
        return c.service.locked("a");
    }

    /** Exports nothing: the cost measured is recording, not shipping. */
    static final class DiscardingSpans implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    /** Exports nothing (cumulative temporality, as the OTLP default). */
    static final class DiscardingMetrics implements MetricExporter {
        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType type) {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
