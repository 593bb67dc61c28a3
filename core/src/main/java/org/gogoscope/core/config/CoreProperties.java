package org.gogoscope.core.config;

import java.util.List;
import java.util.Set;

/**
 * The store properties of the core module: which backend a store uses, its key prefix (every backend), and the
 * in-memory backend's one setting.
 */
public final class CoreProperties implements PropertySet {

    /** The store's backend; read by the configuration layer (gogoscope-cdi). */
    public static final Property<String> BACKEND = Property.text("backend")
            .defaultShown("`memory` for store `default` when it has no property at all; otherwise required")
            .meaning("Backend of the store: `memory`, `postgresql`, `mysql`, `mariadb`, `sqlite`, `redis`, "
                    + "`mongodb` (each served by its jar on the class path).");

    /** The store's key prefix. */
    public static final Property<String> KEY_PREFIX = Property.text("key-prefix").defaultValue("", "empty")
            .meaning("Prepended to every key, task id and breaker name of the store, so several applications or "
                    + "environments can share one server without seeing each other's entries. A namespace, not a "
                    + "security boundary.");

    /** Whether stores of the same name share one in-JVM memory backend. */
    public static final Property<Boolean> MEMORY_SHARED = Property.bool("memory.shared").backends(Set.of("memory"))
            .defaultValue(true, "`true`")
            .meaning("Stores of the same name share one in-JVM backend (several adapters act as nodes of it). "
                    + "`false`: each adapter gets its own.");

    @Override
    public String module() {
        return "gogoscope-core";
    }

    @Override
    public List<Property<?>> properties() {
        return List.of(BACKEND, KEY_PREFIX, MEMORY_SHARED);
    }
}
