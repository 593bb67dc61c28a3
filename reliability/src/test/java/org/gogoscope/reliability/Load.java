package org.gogoscope.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.PersistenceAdapter;

/**
 * Steady mixed load on one adapter from several threads: lock acquire + release, checkpoint save, idempotency
 * set, cache get, in turn. Every call is recorded with its start, end and exception; every save that returned
 * is remembered as acknowledged. After a failed call a thread pauses 20 ms, so an outage is not a busy loop.
 */
final class Load implements AutoCloseable {

    /** One call: nanoTime at start and end, and what it threw (null when it returned). */
    record Call(int thread, String operation, long start, long end, Throwable error) {

        long millis() {
            return (end - start) / 1_000_000;
        }
    }

    final Queue calls = new Queue();
    final Set<String> ackedCheckpoints = ConcurrentHashMap.newKeySet();
    final Set<String> ackedResults = ConcurrentHashMap.newKeySet();
    private final PersistenceAdapter adapter;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /** A typed queue of calls, for readability at the call sites. */
    static final class Queue extends ConcurrentLinkedQueue<Call> {
        private static final long serialVersionUID = 1L;
    }

    Load(PersistenceAdapter adapter, int threadCount) {
        this.adapter = adapter;
        for (int i = 0; i < threadCount; i++) {
            int thread = i;
            Thread t = new Thread(() -> work(thread), "load-" + adapter.backend() + "-" + i);
            threads.add(t);
            t.start();
        }
    }

    private void work(int thread) {
        for (int n = 0; running; n++) {
            String operation = switch (n % 4) {
                case 0 -> "lock";
                case 1 -> "checkpoint.save";
                case 2 -> "idempotency.set";
                default -> "cache.get";
            };
            long start = System.nanoTime();
            Throwable error = null;
            try {
                call(thread, n, operation);
            } catch (Throwable e) {
                error = e;
            }
            calls.add(new Call(thread, operation, start, System.nanoTime(), error));
            if (error != null) {
                sleep(20);
            } else {
                sleep(2);
            }
        }
    }

    private void call(int thread, int n, String operation) {
        switch (operation) {
            case "lock" -> {
                Optional<LockHandle> handle = adapter.locks().acquire("lock-" + thread, Duration.ofSeconds(5));
                handle.ifPresent(LockHandle::release);
            }
            case "checkpoint.save" -> {
                String id = "cp-" + thread + "-" + n;
                adapter.checkpoints().save(new Checkpoint<>(id, "task-" + thread, n, java.time.Instant.now(), 50,
                        Map.of("n", n), null));
                ackedCheckpoints.add(id);
            }
            case "idempotency.set" -> {
                String key = "result-" + thread + "-" + n;
                adapter.idempotency().set(key, n, Duration.ofHours(1));
                ackedResults.add(key);
            }
            default -> adapter.cache().get("absent", String.class);
        }
    }

    /** Whether every thread completed a call that started after {@code since} (nanoTime). */
    boolean allSucceededSince(long since) {
        boolean[] seen = new boolean[threads.size()];
        for (Call call : calls) {
            if (call.error() == null && call.start() >= since) {
                seen[call.thread()] = true;
            }
        }
        for (boolean s : seen) {
            if (!s) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(30_000);
            if (t.isAlive()) {
                throw new AssertionError(t.getName() + " hangs in a call");
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
