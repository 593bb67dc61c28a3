package org.gogoscope.cdi;

import java.time.Duration;
import java.util.List;
import org.gogoscope.core.config.Property;
import org.gogoscope.core.config.PropertySet;

/**
 * The properties of the CDI extension: the store each unqualified provider bean comes from, and the cache beans'
 * default TTL. Namespaces follow one rule: {@code gogoscope.store.<name>.*} for a store, and
 * {@code gogoscope.<feature>.*} with a singular feature name ({@code lock}, {@code circuit-breaker},
 * {@code cache}, {@code checkpoint}, {@code idempotency}) for everything else.
 */
public final class CdiProperties implements PropertySet {

    public static final Property<String> LOCK_STORE = route("lock", "locks", "LockProvider");
    public static final Property<String> CIRCUIT_BREAKER_STORE = route("circuit-breaker", "circuit-breakers",
            "CircuitBreakerStateProvider");
    public static final Property<String> CACHE_STORE = route("cache", null, "CacheProvider");
    public static final Property<String> CHECKPOINT_STORE = route("checkpoint", "checkpoints", "CheckpointProvider");
    public static final Property<String> IDEMPOTENCY_STORE = route("idempotency", null, "IdempotencyProvider");

    /** The TTL of {@code CacheProvider.set(key, value)} on a store's cache beans. */
    public static final Property<Duration> CACHE_DEFAULT_TTL = Property.duration("cache.default-ttl")
            .must(Property.atLeast(Duration.ofMillis(1)), "at least 1ms").defaultShown("none (no expiry)")
            .meaning("TTL used by `CacheProvider.set(key, value)` of the store's cache beans; calls with an explicit "
                    + "TTL are unchanged. Not applied to `PersistenceAdapter.cache()`.");

    private static Property<String> route(String feature, String formerFeature, String bean) {
        Property.Builder<String> builder = Property.text("gogoscope." + feature + ".store").global()
                .defaultValue("default", "`default`");
        if (formerFeature != null) {
            builder.formerly("gogoscope." + formerFeature + ".store");
        }
        return builder.meaning("Store of the unqualified `" + bean + "` bean.");
    }

    @Override
    public String module() {
        return "gogoscope-cdi";
    }

    @Override
    public List<Property<?>> properties() {
        return List.of(CACHE_DEFAULT_TTL, LOCK_STORE, CIRCUIT_BREAKER_STORE, CACHE_STORE, CHECKPOINT_STORE,
                IDEMPOTENCY_STORE);
    }
}
