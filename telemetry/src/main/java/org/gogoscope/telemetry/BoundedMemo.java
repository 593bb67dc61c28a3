package org.gogoscope.telemetry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values computed once per key, for the attribute sets built on every backend call. Keys are few (stores,
 * operations, annotated methods, breakers); past {@code limit} of them a value is computed on each call instead of
 * kept, so a caller passing unbounded names costs time, never memory.
 */
final class BoundedMemo<K, V> {

    private final ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();
    private final Function<K, V> compute;
    private final int limit;

    BoundedMemo(int limit, Function<K, V> compute) {
        this.limit = limit;
        this.compute = compute;
    }

    V get(K key) {
        V value = values.get(key);
        if (value != null) {
            return value;
        }
        value = compute.apply(key);
        if (values.size() < limit) {
            V raced = values.putIfAbsent(key, value);
            return raced == null ? value : raced;
        }
        return value;
    }
}
