package org.gogoscope.cdi;

import java.util.Optional;
import java.util.function.Function;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.CheckpointProvider;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.config.Property;
import org.gogoscope.core.spi.AdapterSettings;

/**
 * The six bean types the extension registers, how each is taken from a store's adapter, and which
 * configuration property routes its unqualified bean to a store.
 */
enum ProviderKind {

    ADAPTER(PersistenceAdapter.class, null, a -> a),
    LOCKS(LockProvider.class, CdiProperties.LOCK_STORE, PersistenceAdapter::locks),
    CIRCUIT_BREAKERS(CircuitBreakerStateProvider.class, CdiProperties.CIRCUIT_BREAKER_STORE,
            PersistenceAdapter::circuitBreakers),
    CACHE(CacheProvider.class, CdiProperties.CACHE_STORE, PersistenceAdapter::cache),
    CHECKPOINTS(CheckpointProvider.class, CdiProperties.CHECKPOINT_STORE, PersistenceAdapter::checkpoints),
    IDEMPOTENCY(IdempotencyProvider.class, CdiProperties.IDEMPOTENCY_STORE, PersistenceAdapter::idempotency);

    private final Class<?> type;
    private final Property<String> routing;
    private final Function<PersistenceAdapter, Object> fromAdapter;

    ProviderKind(Class<?> type, Property<String> routing, Function<PersistenceAdapter, Object> fromAdapter) {
        this.type = type;
        this.routing = routing;
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
     * The property naming the store of the unqualified bean, e.g. {@code gogoscope.lock.store}; empty for
     * {@link PersistenceAdapter}, whose unqualified bean is always the {@code default} store's.
     */
    Optional<Property<String>> routing() {
        return Optional.ofNullable(routing);
    }

    /** The name of {@link #routing()}. */
    Optional<String> routingProperty() {
        return routing().map(Property::name);
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
