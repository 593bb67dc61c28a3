package org.gogoscope.api;

import java.time.Duration;
import java.util.Optional;

/**
 * Circuit-breaker state shared by every node that uses the same backend and key prefix.
 *
 * <h2>State machine</h2>
 * {@code CLOSED --(failureCount reaches maxFailures)--> OPEN --(open delay passed, transitionToHalfOpen)-->
 * HALF_OPEN --(recordSuccess)--> CLOSED}, and {@code HALF_OPEN --(recordFailure)--> OPEN}.
 * Every transition below is atomic on the backend: concurrent callers on several nodes never lose an update
 * (50 concurrent {@code recordFailure} calls give a count of 50). Timestamps are taken from the backend's
 * clock and have millisecond precision.
 *
 * <h2>What is kept</h2>
 * A breaker that is {@code CLOSED} with no failures and has not changed for {@link #CLOSED_STATE_RETENTION} is
 * forgotten by the SQL, Redis and MongoDB backends (a purge batch, a key TTL, the TTL monitor): {@link #getState}
 * then returns empty, as for a breaker never recorded. Its state is the initial one either way; only its last
 * success time is lost. So breakers keyed by something unbounded (a tenant, a host) do not grow the store without
 * bound; open, half-open and failing breakers are kept. Versioned records ({@link #readRecord}) are never
 * forgotten: there is one per shared MicroProfile breaker, a number the application's code bounds.
 */
public interface CircuitBreakerStateProvider {

    /** How long a closed breaker without failures is kept after its last change (see "What is kept"). */
    java.time.Duration CLOSED_STATE_RETENTION = java.time.Duration.ofDays(1);

    /** The stored state of breaker {@code key}, or empty if nothing was ever recorded for it. */
    Optional<CircuitBreakerState> getState(String key);

    /** Replaces the stored state of breaker {@code key} (e.g. a manual reset or a forced open). */
    void setState(String key, CircuitBreakerState state);

    /**
     * Atomically records one failure: adds one to the failure count and sets the last failure time to now.
     * The breaker opens when the new count is {@code >= maxFailures}, and a failure while {@code HALF_OPEN}
     * re-opens it whatever the count. A breaker never recorded before starts from
     * {@link CircuitBreakerState#initial()}.
     *
     * @param maxFailures the threshold, {@code >= 1}
     * @return the failure count after this failure
     */
    int recordFailure(String key, int maxFailures);

    /**
     * Atomically records one success: the failure count becomes 0, the state {@code CLOSED} and the last
     * success time now.
     */
    void recordSuccess(String key);

    /**
     * Atomically moves breaker {@code key} from {@code OPEN} to {@code HALF_OPEN} if its last failure is at
     * least {@code openDelay} old on the backend's clock. Of concurrent callers on any nodes, at most one
     * gets {@code true} for one opening.
     *
     * @return {@code true} if this call made the transition
     */
    boolean transitionToHalfOpen(String key, Duration openDelay);

    /**
     * Reads the versioned breaker document of {@code key}, together with the backend's current time. Records
     * live beside the {@link CircuitBreakerState} of the same key and are independent of it.
     *
     * @return the record; {@link CircuitRecord#exists()} is false when nothing was written
     */
    CircuitRecord readRecord(String key);

    /**
     * Atomically writes {@code data} as the document of {@code key} if its version is still
     * {@code expectedVersion} ({@code 0} = no document yet, insert only if absent). Of concurrent writers with
     * the same expected version on any nodes, exactly one succeeds; the version then becomes
     * {@code expectedVersion + 1}.
     *
     * @param data a non-null document of at most 64 KiB
     * @return {@code true} if written; {@code false} if the version differed (nothing changed)
     */
    boolean compareAndSetRecord(String key, long expectedVersion, String data);

    /**
     * One page of the breaker documents ({@link #readRecord}) under this provider's key prefix whose keys match {@code
     * pattern}, in the glob syntax of {@link CacheProvider#keys(String)}. Each page is one bounded read of at most
     * {@code limit} stored documents (index range, SCAN page or anchored query), never a walk of everything stored; a
     * page may hold fewer than {@code limit} items, even none, while more follow. Records written or removed while the
     * listing pages through may or may not appear; none appears twice. Changes nothing.
     *
     * @param cursor {@code null} for the first page, else the {@link Page#next()} of the previous page
     * @param limit the most documents one page reads, 1 to 1000
     */
    Page<CircuitRecordInfo> listRecords(String pattern, String cursor, int limit);
}
