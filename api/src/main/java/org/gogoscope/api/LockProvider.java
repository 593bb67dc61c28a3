package org.gogoscope.api;

import java.time.Duration;
import java.util.Optional;

/**
 * Distributed locks with a TTL and a fencing token on every grant.
 *
 * <h2>Semantics (every backend)</h2>
 * <ol>
 *   <li>A lock is <em>held</em> by an owner from a successful {@code acquire} until its TTL runs out on the
 *       backend's clock, its owner releases it, or someone calls {@link #forceRelease(String)}.</li>
 *   <li>{@code acquire} of a free or expired key grants it. Acquire by the owner that holds the live lock
 *       succeeds too: it is a new grant that resets the TTL to the new value. Acquire of a key another owner
 *       holds returns empty. Of many concurrent acquirers of a free key, exactly one wins; the others get
 *       empty, never an exception.</li>
 *   <li>Every grant carries a fencing token strictly greater than every token granted before for the same
 *       key, across owners, nodes and backend restarts (on a durable backend configuration). Hand it to the
 *       resource you protect so that it can refuse a stale holder.</li>
 *   <li>{@code extend} succeeds only for the owner of a live lock; it sets the remaining TTL to the given
 *       value and keeps the fencing token. Extending an expired lock, another owner's lock or an absent key
 *       returns {@code false} and never revives it.</li>
 *   <li>{@code release} removes the lock only if the caller's owner still holds it (compare-and-delete).</li>
 *   <li>{@code inspect} and {@code list} only read: they show live locks (holder, fencing token, time left on
 *       the backend's clock) and never change one.</li>
 * </ol>
 * TTLs have millisecond precision: a lock acquired for 100 ms is free again shortly after 100 ms.
 * Inputs are checked as the package documentation says; {@code ttl} must be at least one millisecond.
 */
public interface LockProvider {

    /**
     * Tries once, without waiting, to acquire {@code key} for a freshly generated owner.
     *
     * @return the handle of the grant, or empty when another owner holds the lock
     */
    Optional<LockHandle> acquire(String key, Duration ttl);

    /**
     * Tries once, without waiting, to acquire {@code key} for {@code owner}.
     *
     * @param owner a non-blank identity of the holder; re-acquiring with the same owner renews the grant
     * @return the handle of the grant, or empty when another owner holds the lock
     */
    Optional<LockHandle> acquire(String key, Duration ttl, String owner);

    /**
     * Sets the remaining TTL of {@code owner}'s live lock on {@code key} to {@code ttl}.
     *
     * @return {@code true} if the lock was live and held by {@code owner}; {@code false} otherwise, and then
     *     nothing changed
     */
    boolean extend(String key, Duration ttl, String owner);

    /**
     * Releases {@code owner}'s lock on {@code key}, if it still holds it.
     *
     * @return {@code true} if this call removed a live lock of {@code owner}
     */
    boolean release(String key, String owner);

    /**
     * Removes the lock on {@code key} whoever holds it. The next grant still gets a greater fencing token.
     *
     * @return {@code true} if a live lock was removed
     */
    boolean forceRelease(String key);

    /**
     * Who holds {@code key}, in one round trip.
     *
     * @return the live lock on {@code key}; empty when it is free, released or expired
     */
    Optional<LockInfo> inspect(String key);

    /**
     * One page of the live locks under this provider's key prefix whose keys match {@code pattern}, in the glob
     * syntax of {@link CacheProvider#keys(String)}. Each page is one bounded read (index range, SCAN page or
     * anchored query), never a walk of everything stored; a page may hold fewer than {@code limit} locks while
     * more follow (expired entries are skipped). Locks taken or released while the listing pages through may or
     * may not appear; no lock appears twice.
     *
     * @param cursor {@code null} for the first page, else the {@link LockPage#next()} of the previous page
     * @param limit the most locks of one page, 1 to 1000
     */
    LockPage list(String pattern, String cursor, int limit);
}
