package org.gogoscope.core.layout;

import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.storage.Storages;

/**
 * go-go-scope's own key layout, the one its Node adapters write on every backend: with {@code P} the key prefix
 * and {@code K} an application key, a lock is stored under {@code Plock:K}, a breaker under
 * {@code Pcircuit:K}, a cache entry under {@code Pcache:K} (the type segment stands between prefix and key, so
 * prefixes {@code a:} and {@code a:x} never see each other's entries), an idempotency record under {@code PK};
 * checkpoint ids and task ids carry the prefix, or are stored as given when {@code prefixCheckpoints} is off,
 * which is how the Node SQL adapters store them (they ignore the prefix for checkpoints).
 *
 * <p>The storage SPI hands backends full keys ({@code PK}); {@link #over(Storages)} wraps a backend's storages
 * so that they store and find everything under the layout's keys and hand back full keys. SQL and MongoDB use
 * it; Redis lays out its keys itself (it has more keys per record, see {@code RedisKeys}).
 */
public final class NodeLayout {

    /** The longest type segment ({@code circuit:}): a backend's key limit is this much shorter for the application. */
    public static final int LONGEST_TYPE_SEGMENT = "circuit:".length();

    private final String prefix;
    private final boolean prefixCheckpoints;

    /**
     * @param prefix the adapter's key prefix, possibly empty
     * @param prefixCheckpoints whether checkpoint ids and task ids keep the prefix (tenants isolated) or are
     *         stored as the application gave them (shared with go-go-scope's Node SQL adapters)
     */
    public NodeLayout(String prefix, boolean prefixCheckpoints) {
        this.prefix = prefix;
        this.prefixCheckpoints = prefixCheckpoints;
    }

    /** The backend's storages, storing and finding every record under this layout's keys. */
    public Storages over(Storages storages) {
        return new Storages(new LaidOutLocks(storages.locks(), new TypeSegment(prefix, "lock:")),
                new LaidOutCircuits(storages.circuits(), new TypeSegment(prefix, "circuit:")),
                new LaidOutCache(storages.cache(), new TypeSegment(prefix, "cache:")),
                prefixCheckpoints ? storages.checkpoints() : new UnprefixedCheckpoints(storages.checkpoints(), prefix),
                storages.idempotency());
    }

    /** One record type's keys: {@code P + segment + K} stored for full key {@code P + K}. */
    record TypeSegment(String prefix, String segment) {

        /** The stored key of full key {@code fullKey}. */
        String stored(String fullKey) {
            return prefix + segment + fullKey.substring(prefix.length());
        }

        /** The full key of stored key {@code storedKey}. */
        String full(String storedKey) {
            if (!storedKey.startsWith(prefix + segment)) {
                throw new IllegalStateException("key outside '" + prefix + segment + "': " + storedKey);
            }
            return prefix + storedKey.substring(prefix.length() + segment.length());
        }

        /** The stored keys matching a pattern over full keys. */
        KeyPattern stored(KeyPattern pattern) {
            return pattern.withPrefix(stored(pattern.prefix()));
        }
    }
}
