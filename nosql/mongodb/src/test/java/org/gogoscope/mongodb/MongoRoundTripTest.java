package org.gogoscope.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acquire, extend and release, and a breaker record's read and compare-and-set, are one command (one round
 * trip) each, whether they succeed or not.
 */
class MongoRoundTripTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final CommandCounter counter = new CommandCounter();
    private MongoAdapter adapter;
    private LockProvider locks;

    @BeforeEach
    void connect() {
        adapter = new MongoAdapter(InProcessMongo.config().withCommandListener(counter), "rt" + System.nanoTime() + ":");
        adapter.connect();
        locks = adapter.locks();
    }

    @AfterEach
    void disconnect() {
        adapter.disconnect();
    }

    @Test
    void acquireIsOneFindAndModifyWhetherGrantedOrHeld() {
        AtomicReference<LockHandle> held = new AtomicReference<>();
        assertThat(counter.during(() -> held.set(locks.acquire("k", TTL, "alice").orElseThrow())))
                .containsExactly("findAndModify");
        assertThat(counter.during(() -> assertThat(locks.acquire("k", TTL, "bob")).isEmpty()))
                .containsExactly("findAndModify");
        assertThat(counter.during(() -> assertThat(locks.acquire("k", TTL, "alice")).isPresent()))
                .containsExactly("findAndModify");
    }

    @Test
    void extendIsOneUpdate() {
        LockHandle handle = locks.acquire("k", TTL, "alice").orElseThrow();
        assertThat(counter.during(() -> assertThat(handle.extend(TTL)).isTrue())).containsExactly("update");
        assertThat(counter.during(() -> assertThat(locks.extend("k", TTL, "bob")).isFalse()))
                .containsExactly("update");
    }

    @Test
    void releaseAndForceReleaseAreOneUpdate() {
        LockHandle handle = locks.acquire("k", TTL, "alice").orElseThrow();
        assertThat(counter.during(() -> assertThat(locks.release("k", "bob")).isFalse())).containsExactly("update");
        assertThat(counter.during(() -> assertThat(handle.release()).isTrue())).containsExactly("update");
        locks.acquire("k", TTL, "bob").orElseThrow();
        assertThat(counter.during(() -> assertThat(locks.forceRelease("k")).isTrue())).containsExactly("update");
    }

    @Test
    void aRecordReadIsOneAggregateAndACompareAndSetOneInsertOrUpdate() {
        CircuitBreakerStateProvider circuits = adapter.circuitBreakers();
        AtomicReference<CircuitRecord> read = new AtomicReference<>();
        assertThat(counter.during(() -> read.set(circuits.readRecord("svc")))).containsExactly("aggregate");
        assertThat(read.get().exists()).isFalse();
        assertThat(counter.during(() -> assertThat(circuits.compareAndSetRecord("svc", 0, "a")).isTrue()))
                .containsExactly("insert");
        assertThat(counter.during(() -> assertThat(circuits.compareAndSetRecord("svc", 0, "b")).isFalse()))
                .containsExactly("insert");
        assertThat(counter.during(() -> assertThat(circuits.compareAndSetRecord("svc", 1, "c")).isTrue()))
                .containsExactly("update");
        assertThat(counter.during(() -> assertThat(circuits.compareAndSetRecord("svc", 1, "d")).isFalse()))
                .containsExactly("update");
        assertThat(counter.during(() -> read.set(circuits.readRecord("svc")))).containsExactly("aggregate");
        assertThat(read.get()).extracting(CircuitRecord::data, CircuitRecord::version).containsExactly("c", 2L);
    }
}
