package org.gogoscope.core;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.InProgressClaim;
import org.gogoscope.api.Page;
import org.gogoscope.core.storage.IdempotencyStorage;
import org.gogoscope.core.storage.StoredClaim;
import org.gogoscope.core.storage.StoredInProgressClaim;
import org.gogoscope.core.telemetry.Telemetry;

/** {@link IdempotencyProvider} over a backend's {@link IdempotencyStorage}. */
final class TypedIdempotencyProvider implements IdempotencyProvider {

    private final StorageAdapter adapter;

    TypedIdempotencyProvider(StorageAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public <T> ClaimResult<T> claim(String key, String fingerprint, Duration lease, Class<T> resultType) {
        return claim(key, fingerprint, lease, (Type) resultType);
    }

    @Override
    public <T> ClaimResult<T> claim(String key, String fingerprint, Duration lease, Type resultType) {
        String full = adapter.keySpace().full("key", key);
        long leaseMillis = Args.ttlMillis("lease", lease, adapter.maxTtl(), adapter.backend());
        Args.notNull("resultType", resultType);
        if (fingerprint != null && fingerprint.isEmpty()) {
            throw new IllegalArgumentException("fingerprint must be null or non-empty");
        }
        String token = UUID.randomUUID().toString();
        IdempotencyStorage storage = adapter.storages().idempotency();
        StoredClaim found;
        try {
            found = adapter.call("idempotency.claim", () -> storage.claim(full, token, fingerprint, leaseMillis));
        } catch (RuntimeException e) {
            adapter.telemetry().idempotencyClaim(adapter.store(), Telemetry.ClaimOutcome.ERROR);
            throw e;
        }
        ClaimResult<T> result = claimResult(key, token, fingerprint, found, resultType);
        adapter.telemetry().idempotencyClaim(adapter.store(), outcome(result));
        return result;
    }

    private <T> ClaimResult<T> claimResult(String key, String token, String fingerprint, StoredClaim found,
            Type resultType) {
        if (found instanceof StoredClaim.Claimed) {
            return new ClaimResult.Claimed<>(token);
        }
        if (found instanceof StoredClaim.InProgress inProgress) {
            if (!Objects.equals(inProgress.fingerprint(), fingerprint)) {
                return new ClaimResult.Mismatch<>(inProgress.fingerprint());
            }
            return new ClaimResult.InProgress<>(Instant.ofEpochMilli(inProgress.leaseExpiresAtMillis()));
        }
        StoredClaim.Completed completed = (StoredClaim.Completed) found;
        if (!Objects.equals(completed.fingerprint(), fingerprint)) {
            return new ClaimResult.Mismatch<>(completed.fingerprint());
        }
        T result = adapter.json().fromJson("idempotency result of '" + key + "'", completed.resultJson(), resultType);
        return new ClaimResult.Completed<>(result);
    }

    private static Telemetry.ClaimOutcome outcome(ClaimResult<?> result) {
        if (result instanceof ClaimResult.Claimed) {
            return Telemetry.ClaimOutcome.CLAIMED;
        }
        if (result instanceof ClaimResult.Completed) {
            return Telemetry.ClaimOutcome.REPLAYED;
        }
        if (result instanceof ClaimResult.InProgress) {
            return Telemetry.ClaimOutcome.IN_PROGRESS;
        }
        return Telemetry.ClaimOutcome.MISMATCH;
    }

    @Override
    public boolean complete(String key, String claimToken, Object result, Duration ttl) {
        String full = adapter.keySpace().full("key", key);
        Args.text("claimToken", claimToken);
        long ttlMillis = Args.ttlMillis("ttl", ttl, adapter.maxTtl(), adapter.backend());
        String json = adapter.json().toJson("result", result);
        IdempotencyStorage storage = adapter.storages().idempotency();
        return adapter.call("idempotency.complete", () -> storage.complete(full, claimToken, json, ttlMillis));
    }

    @Override
    public boolean release(String key, String claimToken) {
        String full = adapter.keySpace().full("key", key);
        Args.text("claimToken", claimToken);
        IdempotencyStorage storage = adapter.storages().idempotency();
        return adapter.call("idempotency.release", () -> storage.release(full, claimToken));
    }

    @Override
    public <T> Optional<T> get(String key, Class<T> resultType) {
        return get(key, (Type) resultType);
    }

    @Override
    public <T> Optional<T> get(String key, Type resultType) {
        String full = adapter.keySpace().full("key", key);
        Args.notNull("resultType", resultType);
        IdempotencyStorage storage = adapter.storages().idempotency();
        return adapter.call("idempotency.get", () -> storage.getResult(full))
                .map(json -> adapter.json().fromJson("idempotency result of '" + key + "'", json, resultType));
    }

    @Override
    public void set(String key, Object result, Duration ttl) {
        String full = adapter.keySpace().full("key", key);
        long ttlMillis = Args.ttlMillis("ttl", ttl, adapter.maxTtl(), adapter.backend());
        String json = adapter.json().toJson("result", result);
        IdempotencyStorage storage = adapter.storages().idempotency();
        adapter.call("idempotency.set", () -> {
            storage.putResult(full, json, ttlMillis);
            return null;
        });
    }

    @Override
    public boolean delete(String key) {
        String full = adapter.keySpace().full("key", key);
        IdempotencyStorage storage = adapter.storages().idempotency();
        return adapter.call("idempotency.delete", () -> storage.delete(full));
    }

    @Override
    public Page<InProgressClaim> listInProgress(String pattern, String cursor, int limit) {
        IdempotencyStorage storage = adapter.storages().idempotency();
        return Listing.page(adapter, "idempotency.listInProgress", pattern, cursor, limit,
                matching -> storage.listInProgress(matching, cursor, limit), StoredInProgressClaim::key,
                claim -> new InProgressClaim(adapter.keySpace().strip(claim.key()), claim.claimToken(),
                        Duration.ofMillis(Math.max(1, claim.leaseRemainingMillis()))));
    }
}
