package org.gogoscope.benchmarks;

/**
 * The raw floor: per step the single equivalent statement or command, sent through the same driver and the
 * same kind of pool as the adapter, on tables or keys of its own. Values are pre-serialised JSON strings, so
 * the floor contains no object mapping. Times are the JVM's clock (epoch ms).
 */
interface Raw extends AutoCloseable {

    /** Takes {@code key} for {@code owner} if it is free or expired. @return whether it was granted */
    boolean lockAcquire(String key, String owner, long ttlMillis);

    /** Frees {@code key} if {@code owner} holds it. */
    void lockRelease(String key, String owner);

    String cacheGet(String key);

    void cacheSet(String key, String json, long ttlMillis);

    /** Adds one failure to breaker {@code key}. */
    void circuitRecord(String key);

    Object circuitRead(String key);

    void checkpointSave(String id, String task, int sequence, String json);

    Object checkpointLatest(String task);

    /** Claims {@code key} with {@code token} if it has no live record. */
    boolean idempotencyClaim(String key, String token, long leaseMillis);

    /** Stores the result under {@code key} if {@code token} holds the claim. */
    boolean idempotencyComplete(String key, String token, String json, long ttlMillis);

    /** The stored result of {@code key}. */
    String idempotencyReplay(String key);

    @Override
    void close();
}
