package org.gogoscope.core.storage;

import java.util.Optional;
import org.gogoscope.core.KeyPattern;

/**
 * Raw idempotency records on full keys. A record is in progress (token, fingerprint, lease expiry) or
 * completed (fingerprint, result JSON, expiry); an expired record is absent for every method.
 */
public interface IdempotencyStorage {

    /**
     * In one atomic step: if no live record exists, create an in-progress one with {@code token},
     * {@code fingerprint} (nullable) and expiry now + {@code leaseMillis}, and return {@link StoredClaim.Claimed};
     * otherwise return what the live record holds, unchanged.
     */
    StoredClaim claim(String key, String token, String fingerprint, long leaseMillis);

    /**
     * If the record is in progress under {@code token} (lease expired or not, as long as nobody re-claimed
     * it), make it completed with {@code resultJson} and expiry now + {@code ttlMillis}, keeping its
     * fingerprint. True if it did.
     */
    boolean complete(String key, String token, String resultJson, long ttlMillis);

    /** Delete the record if it is in progress under {@code token}. */
    boolean release(String key, String token);

    /** The result of a live completed record. */
    Optional<String> getResult(String key);

    /** Upsert a completed record with no fingerprint. */
    void putResult(String key, String resultJson, long ttlMillis);

    /** Delete any record; true if a live one was removed. */
    boolean delete(String key);

    /**
     * One bounded read of the live records in progress whose full keys match {@code pattern}, each with its claim
     * token and lease left, starting after {@code cursor} ({@code null} for the first page): it reads at most
     * {@code limit} stored records of any kind (or one SCAN step) in the backend's listing order and returns the
     * in-progress ones, so a page may hold fewer than {@code limit}, even none, while more follow. The next cursor
     * is the backend's own (the last key read, a SCAN cursor), {@code null} when nothing more can follow. Changes
     * nothing.
     */
    StoredPage<StoredInProgressClaim> listInProgress(KeyPattern pattern, String cursor, int limit);
}
