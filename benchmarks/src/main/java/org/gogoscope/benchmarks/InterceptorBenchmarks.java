package org.gogoscope.benchmarks;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.gogoscope.interceptors.GogoscopeInterceptorsExtension;
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
 * The interceptors' cost on the in-memory backend under Weld SE with SmallRye Config and Fault Tolerance: the
 * same trivial method plain, with {@code @Locked}, with {@code @Idempotent} (first call and replay), with
 * SmallRye's own {@code @CircuitBreaker} and with the shared breaker, with
 * {@code gogoscope.circuit-breaker.staleness=1s} and without it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 2, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Threads(1)
public class InterceptorBenchmarks {

    /**
     * The standard switch of the host's Fault Tolerance metrics. Off unless {@code -Dgogoscope.bench.ft-metrics=true}:
     * since the OpenTelemetry API is on this module's class path (for {@link TelemetryBenchmarks}), SmallRye records
     * its metrics on every call (through {@link FaultToleranceMeter}'s no-op meter), which doubles its breaker's
     * cost; off, its breaker is measured as it was when the shared breaker's target (1.1x) was set.
     */
    static final String FT_METRICS = "MP_Fault_Tolerance_Metrics_Enabled";

    /** A Weld SE container with the benchmark beans; {@code staleness} null = property unset. */
    static final class Booted {
        final WeldContainer weld;
        final BenchService service;
        private final String staleness;

        Booted(String staleness) {
            this.staleness = staleness;
            if (staleness != null) {
                System.setProperty("gogoscope.circuit-breaker.staleness", staleness);
            }
            System.setProperty(FT_METRICS, System.getProperty("gogoscope.bench.ft-metrics", "false"));
            ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
            weld = new Weld("bench-" + UUID.randomUUID()).disableDiscovery()
                    .addBeanClasses(BenchStores.class, BenchService.class, FaultToleranceMeter.class)
                    .addExtension(new io.smallrye.config.inject.ConfigExtension())
                    .addExtension(new io.smallrye.faulttolerance.FaultToleranceExtension())
                    .addExtension(new GogoscopeInterceptorsExtension())
                    .initialize();
            service = weld.select(BenchService.class).get();
        }

        void shutdown() {
            long calls = BenchService.SHARED_CALLS.sum();
            if (calls > 0) {
                System.out.printf("%nshared breaker (staleness %s): %d backend calls for %d calls%n",
                        staleness == null ? "unset" : staleness, BenchStores.BREAKER_CALLS.sum(), calls);
            }
            weld.shutdown();
            System.clearProperty("gogoscope.circuit-breaker.staleness");
            System.clearProperty(FT_METRICS);
        }
    }

    /** The container with {@code gogoscope.circuit-breaker.staleness=1s}. */
    @State(Scope.Benchmark)
    public static class Container {
        Booted booted;
        BenchService service;
        int counter;

        @Setup(Level.Trial)
        public void boot() {
            booted = new Booted("1s");
            service = booted.service;
        }

        @TearDown(Level.Trial)
        public void shutdown() {
            booted.shutdown();
        }
    }

    /** The container without staleness: the shared breaker asks the backend on every call. */
    @State(Scope.Benchmark)
    public static class NoStaleness {
        Booted booted;
        BenchService service;

        @Setup(Level.Trial)
        public void boot() {
            booted = new Booted(null);
            service = booted.service;
        }

        @TearDown(Level.Trial)
        public void shutdown() {
            booted.shutdown();
        }
    }

    @Benchmark
    public Object plain(Container c) {
        return c.service.plain("a");
    }

    @Benchmark
    public Object locked(Container c) {
        return c.service.locked("a");
    }

    @Benchmark
    public Object idempotentFirst(Container c) {
        return c.service.idempotentFirst(Integer.toString(c.counter++ % 100_000));
    }

    @Benchmark
    public Object idempotentReplay(Container c) {
        return c.service.idempotentReplay("a");
    }

    @Benchmark
    public Object smallryeBreaker(Container c) {
        return c.service.localBreaker("a");
    }

    @Benchmark
    public Object sharedBreaker(Container c) {
        return c.service.sharedBreaker("a");
    }

    @Benchmark
    public Object sharedBreakerNoStaleness(NoStaleness c) {
        return c.service.sharedBreaker("a");
    }
}
