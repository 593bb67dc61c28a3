package org.gogoscope.core.storage;

/**
 * A live lock as a backend read it.
 *
 * @param key the full key (prefix included)
 * @param owner the holder
 * @param fencingToken the token of the current grant
 * @param remainingMillis time left on the backend's clock when read, at least 1
 */
public record StoredLock(String key, String owner, long fencingToken, long remainingMillis) {
}
