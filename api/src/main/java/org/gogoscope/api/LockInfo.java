package org.gogoscope.api;

import java.time.Duration;
import java.util.Objects;

/**
 * A live lock as the backend holds it, read by {@link LockProvider#inspect} or {@link LockProvider#list}.
 *
 * @param key the lock's key, without the store's key prefix
 * @param owner who holds it: the owner given to {@code acquire}, or the generated one
 * @param fencingToken the token of the current grant
 * @param remaining the time left until it expires, on the backend's clock when it was read (at least 1 ms)
 */
public record LockInfo(String key, String owner, long fencingToken, Duration remaining) {

    public LockInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(remaining, "remaining");
    }
}
