package org.gogoscope.api;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Optional;

/**
 * Idempotency records, so that a repeated call replays its first result instead of running twice.
 *
 * <h2>Records</h2>
 * A record of a key is either <em>in progress</em> (claimed, with a lease) or <em>completed</em> (with a JSON
 * result and a TTL). An in-progress record whose lease ran out, and a completed record whose TTL ran out,
 * count as absent everywhere.
 *
 * <h2>The claim protocol</h2>
 * <ol>
 *   <li>{@link #claim} atomically creates an in-progress record if the key is absent: exactly one of many
 *       concurrent claimers on any nodes gets {@link ClaimResult.Claimed}. Otherwise it reports what is there:
 *       {@link ClaimResult.InProgress}, {@link ClaimResult.Completed} with the stored result, or
 *       {@link ClaimResult.Mismatch} when the stored fingerprint differs from the given one (two {@code null}
 *       fingerprints are equal).</li>
 *   <li>The claimer runs the operation and calls {@link #complete} with its claim token to store the result,
 *       or {@link #release} on failure, so errors are never cached and the next claim runs again.</li>
 *   <li>A claimer that crashes blocks the key only until its lease runs out; then the next {@code claim} gets
 *       a fresh token and the old token can no longer complete or release.</li>
 * </ol>
 * {@link #get}, {@link #set} and {@link #delete} are the plain operations of the go-go-scope adapters.
 */
public interface IdempotencyProvider {

    /**
     * Claims {@code key} for one run of an operation.
     *
     * @param fingerprint a digest of the request, or {@code null} for none
     * @param lease how long the claim blocks others if its holder never completes or releases it ({@code >= 1 ms})
     * @param resultType the type a stored result is read into
     */
    <T> ClaimResult<T> claim(String key, String fingerprint, Duration lease, Class<T> resultType);

    /** Like {@link #claim(String, String, Duration, Class)} for generic result types. */
    <T> ClaimResult<T> claim(String key, String fingerprint, Duration lease, Type resultType);

    /**
     * Turns the in-progress record held by {@code claimToken} into a completed record with {@code result}
     * (non-null; may be any JSON-mappable value), kept for {@code ttl}.
     *
     * @return {@code false} if the token no longer holds the key (its lease ran out and another caller
     *     claimed it, or it was deleted); then nothing was written
     */
    boolean complete(String key, String claimToken, Object result, Duration ttl);

    /**
     * Removes the in-progress record held by {@code claimToken}, so the next claim runs the operation again.
     *
     * @return {@code true} if this call removed it
     */
    boolean release(String key, String claimToken);

    /** The stored result of a completed, live record of {@code key}. */
    <T> Optional<T> get(String key, Class<T> resultType);

    /** Like {@link #get(String, Class)} for generic result types. */
    <T> Optional<T> get(String key, Type resultType);

    /** Stores a completed record with {@code result} (no fingerprint) for {@code ttl}, replacing any record. */
    void set(String key, Object result, Duration ttl);

    /** Removes any record of {@code key}. @return {@code true} if a live record was removed */
    boolean delete(String key);

    /**
     * One page of the live records in progress (claimed, not completed) under this provider's key prefix whose keys
     * match {@code pattern}, in the glob syntax of {@link CacheProvider#keys(String)}. Each page is one bounded read
     * of at most {@code limit} stored records of any kind (index range, SCAN page or anchored query), never a walk of
     * everything stored; a page may hold fewer than {@code limit} items, even none, while more follow. Records written
     * or removed while the listing pages through may or may not appear; none appears twice. Changes nothing.
     *
     * @param cursor {@code null} for the first page, else the {@link Page#next()} of the previous page
     * @param limit the most records one page reads, 1 to 1000
     */
    Page<InProgressClaim> listInProgress(String pattern, String cursor, int limit);
}
