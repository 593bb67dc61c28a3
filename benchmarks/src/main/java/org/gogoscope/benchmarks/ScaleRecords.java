package org.gogoscope.benchmarks;

import java.time.Duration;

/**
 * The records a scale space is filled with, by application key (the adapter adds the prefix and, per backend, its
 * type segment): with {@code n} the record's number, 0 to size - 1, written with seven digits,
 * <ul>
 * <li>cache entries {@code item:n}, value {@link Payload#SAMPLE_JSON}, live for {@link #TTL};
 * <li>locks {@code held:n}, held by {@link #OWNER} for {@link #TTL};
 * <li>completed idempotency records {@code done:n}, no fingerprint, result {@link Payload#SAMPLE_JSON}, live for
 *     {@link #TTL};
 * <li>checkpoints of size / 10 tasks {@code task:t}, {@value #CHECKPOINTS_PER_TASK} each: ids {@code task:t:s},
 *     sequences {@code s} 0 to 9, progress 10 × s, data {@link Payload#SAMPLE_JSON}, no estimate (checkpoints do
 *     not expire).
 * </ul>
 * The benchmarks measure on keys outside these sets (see {@link ScaleBenchmarks}).
 */
final class ScaleRecords {

    /** How long filled cache entries, locks and idempotency records live: a fill serves a month of runs. */
    static final Duration TTL = Duration.ofDays(30);
    /** The owner of the filled locks. */
    static final String OWNER = "gogoscale-fill";
    static final int CHECKPOINTS_PER_TASK = 10;
    /** The JSON of every filled value, result and checkpoint: what the adapter writes for {@link Payload#SAMPLE}. */
    static final String JSON = Payload.SAMPLE_JSON;

    static final String CACHE_HEAD = "item:";
    static final String LOCK_HEAD = "held:";
    static final String IDEMPOTENCY_HEAD = "done:";
    static final String TASK_HEAD = "task:";

    private ScaleRecords() {
    }

    /** The seven digits every filled key ends with (or, for checkpoint ids, the task's part). */
    static String digits(int n) {
        return String.format("%07d", n);
    }

    static String cacheKey(int n) {
        return CACHE_HEAD + digits(n);
    }

    static String lockKey(int n) {
        return LOCK_HEAD + digits(n);
    }

    static String idempotencyKey(int n) {
        return IDEMPOTENCY_HEAD + digits(n);
    }

    /** The filled checkpoints belong to {@code size / 10} tasks. */
    static int tasks(int size) {
        return size / CHECKPOINTS_PER_TASK;
    }

    static String task(int t) {
        return TASK_HEAD + digits(t);
    }

    static String checkpointId(int t, int sequence) {
        return task(t) + ":" + sequence;
    }

    /** Whether {@code value} is {@link Payload#SAMPLE}, as a filled value reads back. */
    static boolean isSample(Payload value) {
        return value != null && Payload.SAMPLE.getId().equals(value.getId())
                && Payload.SAMPLE.getAmount() == value.getAmount() && Payload.SAMPLE.getNote().equals(value.getNote());
    }
}
