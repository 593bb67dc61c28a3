package org.gogoscope.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gogoscope.api.PersistenceAdapter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lock acquire + release on every backend, ours against ShedLock and the raw floor in the same run.
 * {@code uncontended1}: one thread; {@code uncontended8}: 8 threads on 8 distinct keys (ops/s summed over the
 * threads); {@code contended8}: 8 threads trying one key, each invocation ending with a grant, so its
 * ops/s are granted acquire + release per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 2, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
public class LockBenchmarks {

    /** What is measured: ours, ShedLock or the raw floor, on one backend. */
    @State(Scope.Benchmark)
    public static class Target {
        @Param({"postgresql", "mariadb", "sqlite", "redis", "mongodb"})
        public String backend;

        @Param({"gogoscope", "shedlock", "raw"})
        public String impl;

        LockSubject subject;
        private final List<AutoCloseable> resources = new ArrayList<>();

        @Setup(Level.Trial)
        public void open() {
            Backend b = Backend.valueOf(backend);
            switch (impl) {
                case "gogoscope" -> {
                    PersistenceAdapter adapter = b.ours("gogobench:");
                    resources.add(adapter);
                    subject = LockSubject.ours(adapter.locks());
                }
                case "shedlock" -> subject = LockSubject.shedLock(b.shedLock(resources));
                case "raw" -> {
                    Raw raw = b.raw();
                    resources.add(raw);
                    subject = LockSubject.raw(raw);
                }
                default -> throw new IllegalArgumentException("impl must be gogoscope, shedlock or raw, was " + impl);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            for (AutoCloseable resource : resources) {
                resource.close();
            }
            resources.clear();
        }
    }

    /** A key of its own per thread. */
    @State(Scope.Thread)
    public static class OwnKey {
        private static final AtomicInteger THREADS = new AtomicInteger();
        String key;

        @Setup(Level.Trial)
        public void pick() {
            key = "lock-t" + (THREADS.getAndIncrement() % 64);
        }
    }

    @Benchmark
    @Threads(1)
    public boolean uncontended1(Target target, OwnKey key) {
        return target.subject.acquireRelease(key.key);
    }

    @Benchmark
    @Threads(8)
    public boolean uncontended8(Target target, OwnKey key) {
        return target.subject.acquireRelease(key.key);
    }

    /**
     * One grant per invocation: the thread tries the shared key until it is granted (no pause between tries, as
     * a scheduler that polls hard would), so ops/s here is granted acquire+release per second over all 8
     * threads. Bounded: a key that stays held for {@link #MAX_TRIES} tries fails the benchmark.
     */
    @Benchmark
    @Threads(8)
    public void contended8(Target target) {
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            if (target.subject.acquireRelease("lock-contended")) {
                return;
            }
        }
        throw new IllegalStateException("lock-contended not granted in " + MAX_TRIES + " tries");
    }

    static final int MAX_TRIES = 1_000_000;
}
