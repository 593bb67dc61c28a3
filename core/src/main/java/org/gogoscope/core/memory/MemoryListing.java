package org.gogoscope.core.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.StoredPage;

/**
 * The bounded listing of the SQL backends, on a map: the first {@code limit} keys after the cursor that start with
 * the pattern's literal head, in key order, of which the page keeps those that match and that {@code item} turns
 * into an item (null skips one, e.g. an expired record).
 */
final class MemoryListing {

    private MemoryListing() {
    }

    static <V, T> StoredPage<T> page(Map<String, V> map, KeyPattern pattern, String cursor, int limit,
            BiFunction<String, V, T> item) {
        String head = pattern.literalHead();
        List<String> read = map.keySet().stream().filter(key -> key.startsWith(head))
                .filter(key -> cursor == null || key.compareTo(cursor) > 0).sorted().limit(limit).toList();
        List<T> items = new ArrayList<>();
        for (String key : read) {
            V value = map.get(key);
            T found = value == null || !pattern.matches(key) ? null : item.apply(key, value);
            if (found != null) {
                items.add(found);
            }
        }
        return new StoredPage<>(items, read.size() < limit ? null : read.get(read.size() - 1));
    }
}
