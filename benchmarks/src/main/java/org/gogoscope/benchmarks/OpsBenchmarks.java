package org.gogoscope.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.ClaimResult;
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
 * Cache, circuit breaker, checkpoint and idempotency operations on every backend, ours against the raw floor
 * (ShedLock has none of these), one thread. Every benchmark cycles through a bounded set of keys so that the
 * tables stay small across runs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 2, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Threads(1)
public class OpsBenchmarks {

    static final Duration LONG = Duration.ofHours(1);
    static final Duration LEASE = Duration.ofSeconds(30);
    /** Completed claim+complete records expire at once, so a key is free again when the ring comes round. */
    static final Duration SHORT = Duration.ofMillis(1);
    static final int RING = 10_000;
    static final int CHECKPOINTS = 100;

    @State(Scope.Benchmark)
    public static class Target {
        @Param({"postgresql", "mariadb", "sqlite", "redis", "mongodb"})
        public String backend;

        @Param({"gogoscope", "raw"})
        public String impl;

        PersistenceAdapter ours;
        Raw raw;
        int counter;

        @Setup(Level.Trial)
        public void open() {
            Backend b = Backend.valueOf(backend);
            if (impl.equals("gogoscope")) {
                ours = b.ours("gogobench:");
                ours.cache().set("cache-hit", Payload.SAMPLE, LONG);
                ours.circuitBreakers().recordFailure("cb", Integer.MAX_VALUE);
                for (int i = 0; i < CHECKPOINTS; i++) {
                    ours.checkpoints().save(checkpoint(i));
                }
                ours.idempotency().set("idem-replay", Payload.SAMPLE, LONG);
            } else if (impl.equals("raw")) {
                raw = b.raw();
                raw.cacheSet("cache-hit", Payload.SAMPLE_JSON, LONG.toMillis());
                raw.circuitRecord("cb");
                for (int i = 0; i < CHECKPOINTS; i++) {
                    raw.checkpointSave("cp-" + i, "task", i, Payload.SAMPLE_JSON);
                }
                String token = "setup-" + System.nanoTime();
                raw.idempotencyClaim("idem-replay", token, LEASE.toMillis());
                raw.idempotencyComplete("idem-replay", token, Payload.SAMPLE_JSON, LONG.toMillis());
            } else {
                throw new IllegalArgumentException("impl must be gogoscope or raw, was " + impl);
            }
        }

        int next() {
            return counter++;
        }

        @TearDown(Level.Trial)
        public void close() {
            if (ours != null) {
                ours.disconnect();
            }
            if (raw != null) {
                raw.close();
            }
        }
    }

    static Checkpoint<Payload> checkpoint(int sequence) {
        return new Checkpoint<>("cp-" + sequence, "task", sequence, Instant.now(), sequence % 101, Payload.SAMPLE, null);
    }

    @Benchmark
    public Object cacheGet(Target t) {
        return t.ours != null ? t.ours.cache().get("cache-hit", Payload.class) : t.raw.cacheGet("cache-hit");
    }

    @Benchmark
    public void cacheSet(Target t) {
        String key = "cache-set-" + (t.next() % 100);
        if (t.ours != null) {
            t.ours.cache().set(key, Payload.SAMPLE, LONG);
        } else {
            t.raw.cacheSet(key, Payload.SAMPLE_JSON, LONG.toMillis());
        }
    }

    /** One failure recorded (the threshold is never reached, the breaker stays closed). */
    @Benchmark
    public Object circuitRecord(Target t) {
        if (t.ours != null) {
            return t.ours.circuitBreakers().recordFailure("cb", Integer.MAX_VALUE);
        }
        t.raw.circuitRecord("cb");
        return null;
    }

    @Benchmark
    public Object circuitRead(Target t) {
        return t.ours != null ? t.ours.circuitBreakers().getState("cb") : t.raw.circuitRead("cb");
    }

    /** Replaces one of 100 checkpoints of one task (same id, same sequence). */
    @Benchmark
    public void checkpointSave(Target t) {
        int sequence = t.next() % CHECKPOINTS;
        if (t.ours != null) {
            t.ours.checkpoints().save(checkpoint(sequence));
        } else {
            t.raw.checkpointSave("cp-" + sequence, "task", sequence, Payload.SAMPLE_JSON);
        }
    }

    @Benchmark
    public Object checkpointLoadLatest(Target t) {
        return t.ours != null ? t.ours.checkpoints().loadLatest("task", Payload.class) : t.raw.checkpointLatest("task");
    }

    /** A first call: claim a key that has no live record, then complete it. */
    @Benchmark
    public boolean idempotencyClaimComplete(Target t) {
        String key = "idem-" + (t.next() % RING);
        if (t.ours != null) {
            ClaimResult<Payload> claim = t.ours.idempotency().claim(key, "fp", LEASE, Payload.class);
            return claim instanceof ClaimResult.Claimed<Payload> claimed
                    && t.ours.idempotency().complete(key, claimed.claimToken(), Payload.SAMPLE, SHORT);
        }
        String token = "t" + System.nanoTime();
        return t.raw.idempotencyClaim(key, token, LEASE.toMillis())
                && t.raw.idempotencyComplete(key, token, Payload.SAMPLE_JSON, SHORT.toMillis());
    }

    /** A repeated call: the stored result comes back (ours: through claim, as the interceptor does). */
    @Benchmark
    public Object idempotencyReplay(Target t) {
        return t.ours != null ? t.ours.idempotency().claim("idem-replay", null, LEASE, Payload.class)
                : t.raw.idempotencyReplay("idem-replay");
    }
}
