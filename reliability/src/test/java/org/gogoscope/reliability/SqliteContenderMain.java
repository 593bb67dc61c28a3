package org.gogoscope.reliability;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.PersistenceAdapter;

/**
 * Child process of {@link SqliteMultiProcessTest}: {@code threads} threads take one lock on a SQLite file
 * {@code grants} times in all. Inside the critical section they create a marker file (creation fails if any
 * holder of any process is inside: a double grant), compare their token with the last one written to a file
 * by any process, and increment a counter kept in a plain file. Prints
 * {@code DONE grants=<n> doubles=<n> regressions=<n> errors=<n>}.
 */
public final class SqliteContenderMain {

    private SqliteContenderMain() {
    }

    public static void main(String[] args) throws Exception {
        PersistenceAdapter adapter = ChildAdapters.open(args[0], args[1]);
        Path state = Path.of(args[2]);
        long target = Long.parseLong(args[3]);
        int threadCount = Integer.parseInt(args[4]);
        AtomicLong grants = new AtomicLong();
        AtomicLong doubles = new AtomicLong();
        AtomicLong regressions = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (int t = 0; t < threadCount; t++) {
            String owner = ProcessHandle.current().pid() + "-" + t;
            Thread thread = new Thread(() -> {
                while (grants.get() < target && System.nanoTime() < deadline) {
                    try {
                        Optional<LockHandle> handle = adapter.locks().acquire("shared", Duration.ofSeconds(30), owner);
                        if (handle.isEmpty()) {
                            Thread.sleep(1);
                            continue;
                        }
                        if (!critical(state, handle.get().fencingToken(), regressions)) {
                            doubles.incrementAndGet();
                        }
                        grants.incrementAndGet();
                        if (!handle.get().release()) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        System.err.println(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        adapter.disconnect();
        System.out.println("DONE grants=" + grants + " doubles=" + doubles + " regressions=" + regressions
                + " errors=" + errors);
    }

    /** The critical section; false if another holder was inside at the same time. */
    private static boolean critical(Path state, long token, AtomicLong regressions) throws Exception {
        Path inside = state.resolve("inside");
        boolean alone = true;
        try {
            Files.createFile(inside);
        } catch (FileAlreadyExistsException e) {
            alone = false;
        }
        Path last = state.resolve("last-token");
        long previous = Files.exists(last) ? Long.parseLong(Files.readString(last)) : Long.MIN_VALUE;
        if (token <= previous) {
            regressions.incrementAndGet();
        }
        Files.writeString(last, Long.toString(token));
        Path counter = state.resolve("counter");
        long count = Files.exists(counter) ? Long.parseLong(Files.readString(counter)) : 0;
        Files.writeString(counter, Long.toString(count + 1));
        if (alone) {
            Files.delete(inside);
        }
        return alone;
    }
}
