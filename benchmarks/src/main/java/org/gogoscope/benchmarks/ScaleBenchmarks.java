package org.gogoscope.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.LockHandle;
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
 * What the keyed operations and the listing cost as a store grows (issue 22): each benchmark runs while the
 * store holds {@code size} live records of the kind it touches, in a space of its own per size ({@link ScaleSpace}:
 * a database, file or logical Redis database per size, prefix {@code gogoscale:<size>:}), filled once in bulk and
 * kept for later runs ({@link ScaleFill}, {@link ScaleRecords}). The keyed operations work on keys outside the
 * filled set, so they measure the cost of finding their place among {@code size} others; flat is the goal. Average
 * time per call, one thread. The defaults below (2 forks, 2 × 0.5 s warm-up, 4 × 1 s measured) keep the 96
 * combinations of operation, backend and size within about 25 minutes on two cores, fills excluded.
 *
 * <p>MongoDB is not measured: its in-process stand-in lives in each fork's heap (nothing is kept between forks) and
 * ignores secondary and TTL indexes, so its figures at size would say nothing about a real MongoDB.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 1, timeUnit = TimeUnit.SECONDS)
@Threads(1)
public class ScaleBenchmarks {

    /** Keys per ring the keyed benchmarks cycle through. */
    static final int RING = 100;
    static final Duration LOCK_TTL = Duration.ofSeconds(30);
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration CACHE_TTL = Duration.ofHours(1);
    /** A first call's result expires at once, so its key is free again when the ring comes round. */
    static final Duration RESULT_TTL = Duration.ofMillis(1);
    /** The task the checkpoint benchmarks save and load: outside the filled tasks, with as many checkpoints. */
    static final String TASK = "bench-task";

    /**
     * A scale space holding {@code size} records of one kind, and our adapter on it. Opening it fills the space
     * unless an earlier run did, then prepares the keys the benchmarks use.
     */
    @State(Scope.Benchmark)
    public abstract static class Filled {
        @Param({"postgresql", "mariadb", "sqlite", "redis"})
        public String backend;

        @Param({"1000", "100000", "1000000"})
        public int size;

        PersistenceAdapter ours;
        private int counter;

        /** The kind of record the space is filled with. */
        abstract ScaleKind kind();

        /** Sets up the keys the benchmarks use (the fill is done). */
        abstract void prepare();

        @Setup(Level.Trial)
        public void open() throws Exception {
            ScaleSpace space = new ScaleSpace(Backend.valueOf(backend), size);
            space.create();
            ours = space.adapter();
            ScaleFill.ensure(space, kind(), ours);
            prepare();
        }

        /** The next position on the ring, 0 to {@link #RING} - 1. */
        int next() {
            int position = counter;
            counter = (counter + 1) % RING;
            return position;
        }

        @TearDown(Level.Trial)
        public void close() {
            if (ours != null) {
                ours.disconnect();
            }
        }
    }

    /** {@code size} cache entries; the point reads and writes go to {@value #RING} entries outside them. */
    public static class FilledCache extends Filled {
        @Override
        ScaleKind kind() {
            return ScaleKind.CACHE;
        }

        @Override
        void prepare() {
            for (int i = 0; i < RING; i++) {
                ours.cache().set(ringKey(i), Payload.SAMPLE, CACHE_TTL);
            }
        }
    }

    /** {@code size} held locks; the benchmark acquires and releases {@value #RING} other keys in turn. */
    public static class FilledLocks extends Filled {
        @Override
        ScaleKind kind() {
            return ScaleKind.LOCKS;
        }

        /** Frees the ring's keys a run that was stopped may have left held. */
        @Override
        void prepare() {
            for (int i = 0; i < RING; i++) {
                ours.locks().forceRelease(ringKey(i));
            }
        }
    }

    /**
     * {@code size} completed records; first calls claim {@value #RING} other keys in turn, replays claim
     * {@value #RING} of the filled records spread over the whole set.
     */
    public static class FilledIdempotency extends Filled {
        @Override
        ScaleKind kind() {
            return ScaleKind.IDEMPOTENCY;
        }

        private final String[] replayKeys = new String[RING];

        /**
         * Deletes what a run that was stopped may have left on the first calls' keys (a claim in progress), and
         * picks the filled records to replay.
         */
        @Override
        void prepare() {
            for (int i = 0; i < RING; i++) {
                ours.idempotency().delete(firstCallKey(i));
                replayKeys[i] = ScaleRecords.idempotencyKey(i * (size / RING));
            }
        }

        String replayKey(int position) {
            return replayKeys[position];
        }
    }

    /** {@code size} checkpoints of other tasks; {@link #TASK} has {@value ScaleRecords#CHECKPOINTS_PER_TASK}. */
    public static class FilledCheckpoints extends Filled {
        @Override
        ScaleKind kind() {
            return ScaleKind.CHECKPOINTS;
        }

        @Override
        void prepare() {
            for (int s = 0; s < ScaleRecords.CHECKPOINTS_PER_TASK; s++) {
                ours.checkpoints().save(benchCheckpoint(s));
            }
        }
    }

    /** The ring's keys, made once: formatting a key per call would weigh on the fastest operations (SQLite). */
    private static final String[] RING_KEYS = ring("ring:%03d");
    private static final String[] FIRST_CALL_KEYS = ring("first:%03d");

    private static String[] ring(String format) {
        String[] keys = new String[RING];
        for (int i = 0; i < RING; i++) {
            keys[i] = String.format(format, i);
        }
        return keys;
    }

    static String ringKey(int position) {
        return RING_KEYS[position];
    }

    static String firstCallKey(int position) {
        return FIRST_CALL_KEYS[position];
    }

    static Checkpoint<Payload> benchCheckpoint(int sequence) {
        return new Checkpoint<>(TASK + ":" + sequence, TASK, sequence, Instant.now(), sequence * 10, Payload.SAMPLE,
                null);
    }

    /** {@code keys("item:000012*")}: 10 matches, whatever the size (item:0000120 to item:0000129). */
    @Benchmark
    public List<String> keysLiteralPrefix(FilledCache filled) {
        List<String> keys = filled.ours.cache().keys("item:000012*");
        if (keys.size() != 10) {
            throw new IllegalStateException("expected 10 matches, got " + keys.size());
        }
        return keys;
    }

    /**
     * {@code keys("*:000012?")}: the same 10 matches with no literal head, so every key of the store's prefix is
     * read (the cost that grows with the size, stated in the README; never another prefix's keys).
     */
    @Benchmark
    public List<String> keysNoLiteralHead(FilledCache filled) {
        List<String> keys = filled.ours.cache().keys("*:000012?");
        if (keys.size() != 10) {
            throw new IllegalStateException("expected 10 matches, got " + keys.size());
        }
        return keys;
    }

    /** A hit on an entry outside the filled set. */
    @Benchmark
    public Payload cacheGet(FilledCache filled) {
        return filled.ours.cache().get(ringKey(filled.next()), Payload.class).orElseThrow();
    }

    /** Replaces an entry outside the filled set (TTL 1 h). */
    @Benchmark
    public void cacheSet(FilledCache filled) {
        filled.ours.cache().set(ringKey(filled.next()), Payload.SAMPLE, CACHE_TTL);
    }

    /** {@code acquire} of a free key with a fresh owner (TTL 30 s), then the handle's {@code release}. */
    @Benchmark
    public boolean lockAcquireRelease(FilledLocks filled) {
        LockHandle handle = filled.ours.locks().acquire(ringKey(filled.next()), LOCK_TTL)
                .orElseThrow(() -> new IllegalStateException("a free ring key was refused"));
        return handle.release();
    }

    /** A first call: {@code claim} of a key without a live record, then {@code complete} (result kept 1 ms). */
    @Benchmark
    public boolean idempotencyClaimFirst(FilledIdempotency filled) {
        String key = firstCallKey(filled.next());
        ClaimResult<Payload> claim = filled.ours.idempotency().claim(key, "fp", LEASE, Payload.class);
        if (!(claim instanceof ClaimResult.Claimed<Payload> claimed)) {
            throw new IllegalStateException("first call on " + key + " was not claimed: " + claim
                    + " (the ring came round within the result's 1 ms)");
        }
        return filled.ours.idempotency().complete(key, claimed.claimToken(), Payload.SAMPLE, RESULT_TTL);
    }

    /** A repeated call: {@code claim} of a filled, completed record, which returns its result. */
    @Benchmark
    public Payload idempotencyReplay(FilledIdempotency filled) {
        ClaimResult<Payload> claim = filled.ours.idempotency().claim(filled.replayKey(filled.next()), null, LEASE,
                Payload.class);
        if (!(claim instanceof ClaimResult.Completed<Payload> completed)) {
            throw new IllegalStateException("a filled record did not replay: " + claim);
        }
        return completed.result();
    }

    /** Replaces one of the bench task's checkpoints (same id, same sequence). */
    @Benchmark
    public void checkpointSave(FilledCheckpoints filled) {
        filled.ours.checkpoints().save(benchCheckpoint(filled.next() % ScaleRecords.CHECKPOINTS_PER_TASK));
    }

    /** The bench task's latest checkpoint. */
    @Benchmark
    public Checkpoint<Payload> checkpointLoadLatest(FilledCheckpoints filled) {
        return filled.ours.checkpoints().loadLatest(TASK, Payload.class).orElseThrow();
    }
}
