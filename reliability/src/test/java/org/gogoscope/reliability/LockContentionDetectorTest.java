package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.StorageAdapter;
import org.gogoscope.core.memory.MemoryAdapter;
import org.gogoscope.core.storage.LockStorage;
import org.gogoscope.core.storage.Storages;
import org.junit.jupiter.api.Test;

/**
 * The contention harness can fail: against a deliberately broken lock (grants everyone, tokens from a racy
 * counter) it reports double grants, so the zeros {@link ContentionTest} prints are evidence, not a given.
 */
class LockContentionDetectorTest {

    @Test
    void aLockThatGrantsEveryoneIsCaught() throws Exception {
        PersistenceAdapter a = new BrokenLockAdapter();
        PersistenceAdapter b = new BrokenLockAdapter();
        a.connect();
        b.connect();
        LockContention.Result result = LockContention.run(List.of(a, b), 4, 20_000, Duration.ofSeconds(20), "k",
                Duration.ofSeconds(30));
        System.out.printf("DETECTOR broken lock: grants=%d counter=%d doubleGrants=%d tokenRegressions=%d%n",
                result.grants(), result.counter(), result.doubleGrants(), result.tokenRegressions());
        assertThat(result.doubleGrants()).isPositive();
        assertThat(result.tokenRegressions() + Math.abs(result.grants() - result.counter())).isPositive();
    }

    /** Memory storages, except a lock that always grants, with tokens that are not unique per grant. */
    private static final class BrokenLockAdapter extends StorageAdapter {

        private static final AtomicLong CLOCK = new AtomicLong();

        BrokenLockAdapter() {
            super("broken", "", 1024);
        }

        @Override
        protected Storages open() {
            try {
                Method open = StorageAdapter.class.getDeclaredMethod("open");
                open.setAccessible(true);
                Storages memory = (Storages) open.invoke(new MemoryAdapter(""));
                LockStorage everyone = new LockStorage() {
                    @Override
                    public OptionalLong tryAcquire(String key, String owner, long ttlMillis) {
                        return OptionalLong.of(CLOCK.incrementAndGet() / 3); // repeats, as a bad clock would
                    }

                    @Override
                    public boolean extend(String key, String owner, long ttlMillis) {
                        return true;
                    }

                    @Override
                    public boolean release(String key, String owner) {
                        return true;
                    }

                    @Override
                    public boolean forceRelease(String key) {
                        return true;
                    }

                    @Override
                    public java.util.Optional<org.gogoscope.core.storage.StoredLock> inspect(String key) {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public org.gogoscope.core.storage.StoredPage<org.gogoscope.core.storage.StoredLock> list(org.gogoscope.core.KeyPattern pattern,
                            String cursor, int limit) {
                        return new org.gogoscope.core.storage.StoredPage<>(java.util.List.of(), null);
                    }
                };
                return new Storages(everyone, memory.circuits(), memory.cache(), memory.checkpoints(),
                        memory.idempotency());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected void close(Storages storages) {
        }
    }
}
