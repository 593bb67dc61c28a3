package org.gogoscope.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.LockHandle;
import org.gogoscope.core.StorageAdapter;
import org.gogoscope.core.memory.MemoryAdapter;
import org.gogoscope.core.storage.CacheStorage;
import org.gogoscope.core.storage.CheckpointStorage;
import org.gogoscope.core.storage.CircuitStorage;
import org.gogoscope.core.storage.IdempotencyStorage;
import org.gogoscope.core.storage.LockStorage;
import org.gogoscope.core.storage.Storages;
import org.junit.jupiter.api.Test;

/**
 * What the stores report to a {@link Telemetry}, recorded by a plain implementation over the in-memory backend:
 * every backend operation begins and ends once with its outcome, and the lock, cache, idempotency and checkpoint
 * events carry the right outcome; a failing implementation never breaks the operation it reports on.
 */
class TelemetryHooksTest {

    /** Every event as text, in order. */
    static final class Recording implements Telemetry {
        final List<String> events = new CopyOnWriteArrayList<>();
        IntSupplier held;

        @Override
        public Operation begin(Store store, String operation) {
            events.add("begin " + store.name() + "/" + store.backend() + " " + operation);
            return failure -> events.add("end " + operation + (failure == null ? "" : " " + failure.getClass()
                    .getSimpleName()));
        }

        @Override
        public void lockAcquired(Store store, LockOutcome outcome) {
            events.add("lock " + outcome);
        }

        @Override
        public void lockReleased(Store store, long heldNanos) {
            events.add("released " + (heldNanos >= 0));
        }

        @Override
        public void heldLocks(Store store, IntSupplier heldNow) {
            held = heldNow;
        }

        @Override
        public void cacheRead(Store store, CacheOutcome outcome) {
            events.add(outcome.name().toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public void idempotencyClaim(Store store, ClaimOutcome outcome) {
            events.add("claim " + outcome);
        }

        @Override
        public void checkpointSaved(Store store) {
            events.add("checkpoint");
        }
    }

    @Test
    void everyOperationAndOutcomeIsReported() {
        MemoryAdapter adapter = new MemoryAdapter("telemetry:" + System.nanoTime() + ":");
        Recording recording = new Recording();
        adapter.observeWith("orders", recording);
        adapter.connect();
        assertThat(recording.events).containsExactly("begin orders/memory connect", "end connect");
        recording.events.clear();

        LockHandle handle = adapter.locks().acquire("job", Duration.ofMinutes(1), "a").orElseThrow();
        assertThat(adapter.locks().acquire("job", Duration.ofMinutes(1), "b")).isEmpty();
        assertThat(recording.held.getAsInt()).as("held by this node now").isEqualTo(1);
        assertThat(handle.release()).isTrue();
        assertThat(handle.release()).as("answered once: no second event").isFalse();
        assertThat(recording.held.getAsInt()).isZero();
        assertThat(recording.events).containsExactly("begin orders/memory lock.acquire", "end lock.acquire",
                "lock GRANTED", "begin orders/memory lock.acquire", "end lock.acquire", "lock REFUSED",
                "begin orders/memory lock.release", "end lock.release", "released true");
        recording.events.clear();

        adapter.cache().set("k", "v");
        adapter.cache().get("k", String.class);
        adapter.cache().get("absent", String.class);
        assertThat(recording.events).containsSubsequence("end cache.set", "end cache.get", "hit", "end cache.get",
                "miss");
        recording.events.clear();

        String token = ((org.gogoscope.api.ClaimResult.Claimed<String>) adapter.idempotency()
                .claim("op", "fp", Duration.ofMinutes(1), String.class)).claimToken();
        adapter.idempotency().claim("op", "fp", Duration.ofMinutes(1), String.class);
        adapter.idempotency().claim("op", "other", Duration.ofMinutes(1), String.class);
        adapter.idempotency().complete("op", token, "done", Duration.ofMinutes(1));
        adapter.idempotency().claim("op", "fp", Duration.ofMinutes(1), String.class);
        adapter.checkpoints().save(new Checkpoint<>("c1", "t", 1, Instant.now(), 10, "d", null));
        assertThat(recording.events).filteredOn(e -> !e.startsWith("begin") && !e.startsWith("end")).containsExactly(
                "claim CLAIMED", "claim IN_PROGRESS", "claim MISMATCH", "claim REPLAYED", "checkpoint");
    }

    @Test
    void aLockThatExpiresWithoutReleaseLeavesTheHeldCount() throws InterruptedException {
        MemoryAdapter adapter = new MemoryAdapter("telemetry:" + System.nanoTime() + ":");
        Recording recording = new Recording();
        adapter.observeWith("orders", recording);
        adapter.connect();
        adapter.locks().acquire("short", Duration.ofMillis(50), "a").orElseThrow();
        adapter.locks().acquire("long", Duration.ofMinutes(1), "a").orElseThrow();
        assertThat(recording.held.getAsInt()).isEqualTo(2);
        Thread.sleep(120);
        assertThat(recording.held.getAsInt()).isEqualTo(1);
    }

    @Test
    void aFailingBackendOperationEndsWithItsTypedFailureAndAnErrorOutcome() {
        StorageAdapter adapter = new StorageAdapter("broken", "t:", 100) {
            @Override
            protected Storages open() {
                return new Storages(failing(LockStorage.class), failing(CircuitStorage.class),
                        failing(CacheStorage.class), failing(CheckpointStorage.class), failing(IdempotencyStorage.class));
            }

            @Override
            protected void close(Storages storages) {
            }
        };
        Recording recording = new Recording();
        adapter.observeWith("orders", recording);
        adapter.connect();
        recording.events.clear();
        assertThatThrownBy(() -> adapter.locks().acquire("job", Duration.ofMinutes(1), "a"))
                .isInstanceOf(BackendException.class);
        assertThatThrownBy(() -> adapter.cache().get("k", String.class)).isInstanceOf(BackendException.class);
        assertThat(recording.events).containsExactly("begin orders/broken lock.acquire",
                "end lock.acquire BackendException", "lock ERROR", "begin orders/broken cache.get",
                "end cache.get BackendException", "error");
    }

    @SuppressWarnings("unchecked")
    private static <T> T failing(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            throw new java.io.UncheckedIOException(new java.io.IOException("connection reset"));
        });
    }

    @Test
    void aTelemetryThatThrowsNeverBreaksTheLock() {
        MemoryAdapter adapter = new MemoryAdapter("telemetry:" + System.nanoTime() + ":");
        adapter.observeWith("orders", new Telemetry() {
            @Override
            public Operation begin(Store store, String operation) {
                throw new IllegalStateException("exporter down");
            }

            @Override
            public void lockAcquired(Store store, LockOutcome outcome) {
                throw new NoClassDefFoundError("io/opentelemetry/api/metrics/LongCounter");
            }
        });
        adapter.connect();
        LockHandle handle = adapter.locks().acquire("job", Duration.ofMinutes(1), "a").orElseThrow();
        assertThat(handle.release()).isTrue();
    }
}
