package org.gogoscope.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.LockInfo;
import org.gogoscope.api.PersistenceAdapter;

/**
 * A kind of record a scale space is filled with, and how to tell, through the adapter's own API, that a space
 * holds {@code size} of them as {@link ScaleRecords} describes: the first and the last record read back as the
 * adapter would return its own writes. The fill writes in record order, so a fill that stopped half-way lacks the
 * last one.
 */
enum ScaleKind {

    CACHE {
        @Override
        Optional<String> missing(PersistenceAdapter adapter, int size) {
            for (int n : new int[] {0, size - 1}) {
                String key = ScaleRecords.cacheKey(n);
                Optional<Payload> value = adapter.cache().get(key, Payload.class);
                if (value.isEmpty() || !ScaleRecords.isSample(value.get())) {
                    return Optional.of("cache entry " + key + " does not read back");
                }
                List<String> listed = adapter.cache().keys(key);
                if (!listed.equals(List.of(key))) {
                    return Optional.of("cache entry " + key + " is not listed (keys gave " + listed + ")");
                }
            }
            return Optional.empty();
        }
    },

    LOCKS {
        /** Less than this left on a filled lock and the fill renews them all. */
        private static final Duration RENEW_BELOW = Duration.ofDays(1);

        @Override
        Optional<String> missing(PersistenceAdapter adapter, int size) {
            for (int n : new int[] {0, size - 1}) {
                String key = ScaleRecords.lockKey(n);
                Optional<LockInfo> lock = adapter.locks().inspect(key);
                if (lock.isEmpty() || !ScaleRecords.OWNER.equals(lock.get().owner())) {
                    return Optional.of("lock " + key + " is not held by " + ScaleRecords.OWNER + " (" + lock + ")");
                }
                if (lock.get().remaining().compareTo(RENEW_BELOW) < 0) {
                    return Optional.of("lock " + key + " expires in " + lock.get().remaining());
                }
            }
            return Optional.empty();
        }
    },

    IDEMPOTENCY {
        @Override
        Optional<String> missing(PersistenceAdapter adapter, int size) {
            for (int n : new int[] {0, size - 1}) {
                String key = ScaleRecords.idempotencyKey(n);
                // a claim of a completed record only reads it; a claim that wins would be released below
                ClaimResult<Payload> claim = adapter.idempotency().claim(key, null, Duration.ofSeconds(30), Payload.class);
                if (claim instanceof ClaimResult.Claimed<Payload> claimed) {
                    adapter.idempotency().release(key, claimed.claimToken());
                }
                if (!(claim instanceof ClaimResult.Completed<Payload> completed)
                        || !ScaleRecords.isSample(completed.result())) {
                    return Optional.of("idempotency record " + key + " does not replay (" + claim + ")");
                }
            }
            return Optional.empty();
        }
    },

    CHECKPOINTS {
        @Override
        Optional<String> missing(PersistenceAdapter adapter, int size) {
            int last = ScaleRecords.CHECKPOINTS_PER_TASK - 1;
            for (int t : new int[] {0, ScaleRecords.tasks(size) - 1}) {
                String task = ScaleRecords.task(t);
                Optional<Checkpoint<Payload>> latest = adapter.checkpoints().loadLatest(task, Payload.class);
                if (latest.isEmpty() || latest.get().sequence() != last
                        || !latest.get().id().equals(ScaleRecords.checkpointId(t, last))
                        || !ScaleRecords.isSample(latest.get().data())) {
                    return Optional.of("the latest checkpoint of " + task + " is not " + ScaleRecords.checkpointId(t, last)
                            + " (" + latest + ")");
                }
                String first = ScaleRecords.checkpointId(t, 0);
                Optional<Checkpoint<Payload>> loaded = adapter.checkpoints().load(first, Payload.class);
                if (loaded.isEmpty() || loaded.get().sequence() != 0 || !loaded.get().taskId().equals(task)) {
                    return Optional.of("checkpoint " + first + " does not load (" + loaded + ")");
                }
            }
            return Optional.empty();
        }
    };

    /** What shows that the space lacks its records of this kind, or nothing when it holds them. */
    abstract Optional<String> missing(PersistenceAdapter adapter, int size);

    /** How the kind is called in messages: {@code cache}, {@code locks}, ... */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
