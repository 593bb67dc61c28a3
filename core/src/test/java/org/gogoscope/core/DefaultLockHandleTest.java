package org.gogoscope.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.LockHandle;
import org.gogoscope.core.memory.MemoryAdapter;
import org.gogoscope.core.memory.MemoryBackend;
import org.gogoscope.core.storage.LockStorage;
import org.gogoscope.core.storage.StoredLock;
import org.gogoscope.core.storage.StoredPage;
import org.gogoscope.core.storage.Storages;
import org.junit.jupiter.api.Test;

/**
 * A release that failed can be retried until one reaches the backend, and at most one release succeeds. The
 * backend is the in-memory one behind a lock storage that fails the next release when told to (as a backend that
 * cannot be reached does), so what every adapter shares, {@link DefaultLockHandle}, is tested on its own.
 */
class DefaultLockHandleTest {

    private static final Duration TTL = Duration.ofMinutes(1);

    /** The memory backend's lock storage, failing the next release when {@link #failNextRelease} is set. */
    private static final class FlakyLocks implements LockStorage {
        final LockStorage real;
        final AtomicBoolean failNextRelease = new AtomicBoolean();
        final AtomicInteger releasesReachingTheBackend = new AtomicInteger();

        FlakyLocks(LockStorage real) {
            this.real = real;
        }

        @Override
        public OptionalLong tryAcquire(String key, String owner, long ttlMillis) {
            return real.tryAcquire(key, owner, ttlMillis);
        }

        @Override
        public boolean extend(String key, String owner, long ttlMillis) {
            return real.extend(key, owner, ttlMillis);
        }

        @Override
        public boolean release(String key, String owner) {
            if (failNextRelease.getAndSet(false)) {
                throw new IllegalStateException("connection reset (injected)");
            }
            releasesReachingTheBackend.incrementAndGet();
            return real.release(key, owner);
        }

        @Override
        public boolean forceRelease(String key) {
            return real.forceRelease(key);
        }

        @Override
        public Optional<StoredLock> inspect(String key) {
            return real.inspect(key);
        }

        @Override
        public StoredPage<StoredLock> list(KeyPattern pattern, String cursor, int limit) {
            return real.list(pattern, cursor, limit);
        }
    }

    /** An adapter on the memory backend whose lock storage is a {@link FlakyLocks}. */
    private static final class FlakyAdapter extends StorageAdapter {
        private final StorageAdapter memory;
        FlakyLocks locks;

        FlakyAdapter(MemoryBackend backend) {
            super("flaky", "", MemoryAdapter.MAX_KEY_LENGTH);
            this.memory = new MemoryAdapter(backend, "");
        }

        @Override
        protected Storages open() {
            Storages real = memory.open();
            locks = new FlakyLocks(real.locks());
            return new Storages(locks, real.circuits(), real.cache(), real.checkpoints(), real.idempotency());
        }

        @Override
        protected void close(Storages storages) {
        }
    }

    private final MemoryBackend backend = new MemoryBackend();

    @Test
    void aReleaseThatFailedIsRetriedByReleaseAndOnlyOneReleaseSucceeds() {
        try (FlakyAdapter adapter = new FlakyAdapter(backend); MemoryAdapter other = new MemoryAdapter(backend, "")) {
            adapter.connect();
            other.connect();
            LockHandle handle = adapter.locks().acquire("job", TTL, "alice").orElseThrow();

            adapter.locks.failNextRelease.set(true);
            assertThatThrownBy(handle::release).isInstanceOf(BackendException.class)
                    .hasMessageContaining("connection reset (injected)");
            assertThat(adapter.locks.releasesReachingTheBackend).hasValue(0);
            assertThat(handle.isValid()).as("still held after the failed release").isTrue();
            assertThat(other.locks().acquire("job", TTL, "bob")).as("the lock is still alice's").isEmpty();

            assertThat(handle.release()).as("the retry reaches the backend and removes the lock").isTrue();
            assertThat(adapter.locks.releasesReachingTheBackend).hasValue(1);
            assertThat(handle.isValid()).isFalse();
            assertThat(other.locks().acquire("job", TTL, "bob")).as("free for someone else now").isPresent();

            assertThat(handle.release()).as("at most one successful release").isFalse();
            handle.close();
            assertThat(adapter.locks.releasesReachingTheBackend).as("no round trip after the successful one")
                    .hasValue(1);
        }
    }

    @Test
    void closeRetriesAReleaseThatFailed() {
        try (FlakyAdapter adapter = new FlakyAdapter(backend); MemoryAdapter other = new MemoryAdapter(backend, "")) {
            adapter.connect();
            other.connect();
            LockHandle handle = adapter.locks().acquire("job", TTL, "alice").orElseThrow();

            adapter.locks.failNextRelease.set(true);
            assertThatThrownBy(handle::close).isInstanceOf(BackendException.class);
            assertThat(other.locks().acquire("job", TTL, "bob")).isEmpty();

            handle.close();
            assertThat(adapter.locks.releasesReachingTheBackend).hasValue(1);
            assertThat(other.locks().acquire("job", TTL, "bob")).isPresent();
            assertThat(handle.release()).isFalse();
            assertThat(adapter.locks.releasesReachingTheBackend).hasValue(1);
        }
    }
}
