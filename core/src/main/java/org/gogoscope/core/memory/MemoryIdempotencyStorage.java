package org.gogoscope.core.memory;

import java.util.Optional;
import org.gogoscope.core.KeyPattern;
import org.gogoscope.core.memory.MemoryBackend.IdempotencyEntry;
import org.gogoscope.core.storage.IdempotencyStorage;
import org.gogoscope.core.storage.StoredClaim;
import org.gogoscope.core.storage.StoredInProgressClaim;
import org.gogoscope.core.storage.StoredPage;

final class MemoryIdempotencyStorage implements IdempotencyStorage {

    private final MemoryBackend backend;

    MemoryIdempotencyStorage(MemoryBackend backend) {
        this.backend = backend;
    }

    private boolean live(IdempotencyEntry entry) {
        return entry != null && entry.expiresAt() > backend.now();
    }

    @Override
    public StoredClaim claim(String key, String token, String fingerprint, long leaseMillis) {
        StoredClaim[] found = {new StoredClaim.Claimed()};
        backend.idempotency.compute(key, (k, current) -> {
            if (live(current)) {
                found[0] = current.completed()
                        ? new StoredClaim.Completed(current.fingerprint(), current.resultJson())
                        : new StoredClaim.InProgress(current.fingerprint(), current.expiresAt());
                return current;
            }
            return new IdempotencyEntry(token, fingerprint, null, backend.now() + leaseMillis);
        });
        return found[0];
    }

    @Override
    public boolean complete(String key, String token, String resultJson, long ttlMillis) {
        boolean[] done = {false};
        backend.idempotency.computeIfPresent(key, (k, current) -> {
            if (!current.completed() && token.equals(current.token())) {
                done[0] = true;
                return new IdempotencyEntry(null, current.fingerprint(), resultJson, backend.now() + ttlMillis);
            }
            return current;
        });
        return done[0];
    }

    @Override
    public boolean release(String key, String token) {
        boolean[] released = {false};
        backend.idempotency.computeIfPresent(key, (k, current) -> {
            if (!current.completed() && token.equals(current.token())) {
                released[0] = true;
                return null;
            }
            return current;
        });
        return released[0];
    }

    @Override
    public Optional<String> getResult(String key) {
        IdempotencyEntry entry = backend.idempotency.get(key);
        return live(entry) && entry.completed() ? Optional.of(entry.resultJson()) : Optional.empty();
    }

    @Override
    public void putResult(String key, String resultJson, long ttlMillis) {
        backend.idempotency.put(key, new IdempotencyEntry(null, null, resultJson, backend.now() + ttlMillis));
    }

    @Override
    public boolean delete(String key) {
        return live(backend.idempotency.remove(key));
    }

    @Override
    public StoredPage<StoredInProgressClaim> listInProgress(KeyPattern pattern, String cursor, int limit) {
        long now = backend.now();
        return MemoryListing.page(backend.idempotency, pattern, cursor, limit,
                (key, entry) -> entry.completed() || entry.expiresAt() <= now ? null
                        : new StoredInProgressClaim(key, entry.token(), entry.expiresAt() - now));
    }
}
