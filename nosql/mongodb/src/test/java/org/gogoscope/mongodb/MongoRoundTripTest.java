package org.gogoscope.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Acquire, extend and release are one command (one round trip) each, whether they succeed or not. */
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
}
