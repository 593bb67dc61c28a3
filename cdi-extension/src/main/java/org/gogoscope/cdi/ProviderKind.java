package org.gogoscope.cdi;

import java.util.Optional;
import java.util.function.Function;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.CheckpointProvider;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.spi.AdapterSettings;

/**
 * The six bean types the extension registers, how each is taken from a store's adapter, and which
 * configuration property routes its unqualified bean to a store.
 */
enum ProviderKind {

    ADAPTER(PersistenceAdapter.class, null, a -> a),
    LOCKS(LockProvider.class, "locks", PersistenceAdapter::locks),
    CIRCUIT_BREAKERS(CircuitBreakerStateProvider.class, "circuit-breakers", PersistenceAdapter::circuitBreakers),
    CACHE(CacheProvider.class, "cache", PersistenceAdapter::cache),
    CHECKPOINTS(CheckpointProvider.class, "checkpoints", PersistenceAdapter::checkpoints),
    IDEMPOTENCY(IdempotencyProvider.class, "idempotency", PersistenceAdapter::idempotency);

    private final Class<?> type;
    private final String configName;
    private final Function<PersistenceAdapter, Object> fromAdapter;

    ProviderKind(Class<?> type, String configName, Function<PersistenceAdapter, Object> fromAdapter) {
        this.type = type;
        this.configName = configName;
        this.fromAdapter = fromAdapter;
    }

    Class<?> type() {
        return type;
    }

    /** This kind's bean taken from {@code adapter}. */
    Object from(PersistenceAdapter adapter) {
        return fromAdapter.apply(adapter);
    }

    /**
     * The property naming the store of the unqualified bean, e.g. {@code gogoscope.locks.store}; empty for
     * {@link PersistenceAdapter}, whose unqualified bean is always the {@code default} store's.
     */
    Optional<String> routingProperty() {
        return Optional.ofNullable(configName).map(name -> "gogoscope." + name + ".store");
    }

    /** The kind whose bean type is exactly {@code type}. */
    static Optional<ProviderKind> of(Class<?> type) {
        for (ProviderKind kind : values()) {
            if (kind.type == type) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The store an unqualified bean of this kind comes from when nothing routes it. */
    static String defaultStore() {
        return AdapterSettings.DEFAULT_STORE;
    }
}
