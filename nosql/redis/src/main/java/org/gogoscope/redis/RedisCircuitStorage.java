package org.gogoscope.redis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.api.CircuitState;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.CircuitStorage;
import org.gogoscope.core.storage.StoredCircuitRecord;
import org.gogoscope.core.storage.StoredPage;

/**
 * Circuit breakers: one hash per breaker, without TTL except while closed without failures (then it expires after
 * {@link CircuitBreakerStateProvider#CLOSED_STATE_RETENTION}); every transition is one script on the server clock. A
 * breaker's versioned record is a separate hash {@code {data, version}} in the same slot
 * ({@link RedisKeys#circuitRecord}), so {@code setState} (which replaces the circuit hash) never touches it; its
 * read and its compare-and-set are one script each.
 */
final class RedisCircuitStorage implements CircuitStorage {

    /** {@link CircuitBreakerStateProvider#CLOSED_STATE_RETENTION} in ms, as the scripts take it. */
    private static final String RETENTION = Long.toString(CircuitBreakerStateProvider.CLOSED_STATE_RETENTION.toMillis());

    private final RedisClient client;
    private final RedisKeys keys;

    RedisCircuitStorage(RedisClient client, RedisKeys keys) {
        this.client = client;
        this.keys = keys;
    }

    @Override
    public Optional<CircuitBreakerState> get(String key) {
        String circuit = keys.circuit(key);
        Map<String, String> fields = client.call(j -> j.hgetAll(circuit));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CircuitBreakerState(CircuitState.valueOf(fields.get("state")),
                Integer.parseInt(fields.get("failureCount")), instant(fields.get("lastFailureTime")),
                instant(fields.get("lastSuccessTime"))));
    }

    @Override
    public void put(String key, CircuitBreakerState state) {
        client.eval(RedisScript.CIRCUIT_PUT, List.of(keys.circuit(key)), List.of(state.state().name(),
                Integer.toString(state.failureCount()), millis(state.lastFailureTime()),
                millis(state.lastSuccessTime()), RETENTION));
    }

    @Override
    public int recordFailure(String key, int maxFailures) {
        Object count = client.eval(RedisScript.CIRCUIT_RECORD_FAILURE, List.of(keys.circuit(key)),
                List.of(Integer.toString(maxFailures)));
        return Math.toIntExact((Long) count);
    }

    @Override
    public void recordSuccess(String key) {
        client.eval(RedisScript.CIRCUIT_RECORD_SUCCESS, List.of(keys.circuit(key)), List.of(RETENTION));
    }

    @Override
    public boolean transitionToHalfOpen(String key, long delayMillis) {
        return RedisLockStorage.isOne(client.eval(RedisScript.CIRCUIT_HALF_OPEN, List.of(keys.circuit(key)),
                List.of(Long.toString(delayMillis))));
    }

    /** One script: the server's {@code TIME}, then {@code HMGET data version}. */
    @Override
    public CircuitRecord readRecord(String key) {
        List<?> reply = (List<?>) client.eval(RedisScript.CIRCUIT_RECORD_READ, List.of(keys.circuitRecord(key)),
                List.of());
        Instant now = Instant.ofEpochMilli(Long.parseLong((String) reply.get(0)));
        String data = (String) reply.get(1);
        String version = (String) reply.get(2);
        return data == null || version == null ? new CircuitRecord(null, 0, now)
                : new CircuitRecord(data, Long.parseLong(version), now);
    }

    /** One script: compare the stored version (absent = 0) with the expected one, then write and increment. */
    @Override
    public boolean compareAndSetRecord(String key, long expectedVersion, String data) {
        return RedisLockStorage.isOne(client.eval(RedisScript.CIRCUIT_RECORD_CAS, List.of(keys.circuitRecord(key)),
                List.of(Long.toString(expectedVersion), data)));
    }

    /**
     * One page of {@link RedisClient#scanPage} (its cursor, its cost: usually one SCAN step on one master; key
     * order within a page, SCAN order across pages) over the records of the breakers the pattern matches, then
     * {@code HMGET data version} of each record found, pipelined: one round trip per server.
     */
    @Override
    public StoredPage<StoredCircuitRecord> listRecords(KeyPattern pattern, String cursor, int limit) {
        String scanGlob = RedisKeys.scanGlob(keys.circuitRecordPattern(pattern.glob()));
        RedisClient.ScanStep found = client.scanPage(scanGlob, recordKey -> {
            String key = keys.circuitOfRecord(recordKey);
            return key != null && pattern.matches(key);
        }, cursor, limit);
        List<List<String>> read = client.eachKey(found.keys(), (pipeline, record) -> pipeline.hmget(record, "data",
                "version"), (j, record) -> j.hmget(record, "data", "version"));
        return found.page(read, (record, fields) -> fields.get(0) == null || fields.get(1) == null ? null
                : new StoredCircuitRecord(keys.circuitOfRecord(record), fields.get(0), Long.parseLong(fields.get(1))));
    }

    private static Instant instant(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static String millis(Instant instant) {
        return instant == null ? "" : Long.toString(instant.toEpochMilli());
    }
}
