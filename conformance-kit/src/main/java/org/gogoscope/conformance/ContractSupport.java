package org.gogoscope.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.gogoscope.api.Page;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What every contract test shares: a unique key prefix per test, nodes, threads and polling. */
public abstract class ContractSupport {

    /** A prefix full of pattern metacharacters, to prove prefixes are literal everywhere. */
    static final String HOSTILE_PREFIX_PART = "%_*?[]\\'\";";

    private final List<PersistenceAdapter> opened = new ArrayList<>();
    /** This test's key prefix: unique, so tests never see each other's data. */
    protected String prefix;

    /** The backend under test. */
    protected abstract BackendFixture fixture();

    @BeforeEach
    void newPrefix() {
        prefix = "cf" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    @AfterEach
    void disconnectAll() {
        synchronized (opened) {
            for (PersistenceAdapter adapter : opened) {
                adapter.disconnect();
            }
            opened.clear();
        }
    }

    /** A connected adapter on this test's prefix: a separate node each call. */
    protected PersistenceAdapter node() {
        return node(prefix);
    }

    /** A connected adapter on {@code keyPrefix}. */
    protected PersistenceAdapter node(String keyPrefix) {
        PersistenceAdapter adapter = fixture().newAdapter(keyPrefix);
        synchronized (opened) {
            opened.add(adapter);
        }
        adapter.connect();
        assertThat(adapter.isConnected()).isTrue();
        return adapter;
    }

    /** A second prefix, isolated from {@link #prefix}, made of metacharacters. */
    protected String otherPrefix() {
        return prefix.substring(0, prefix.length() - 1) + HOSTILE_PREFIX_PART + ":";
    }

    /**
     * Runs {@code task} on {@code threads} threads released at once, and returns each result in thread order.
     * Fails the test if any thread throws or the run takes over a minute.
     */
    protected static <T> List<T> concurrently(int threads, ThreadTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await();
                    return task.run(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Polls {@code condition} every 10 ms until it holds; fails after {@code maxMillis}. Returns the wait. */
    protected static long awaitTrue(long maxMillis, String what, BooleanSupplier condition) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (waited > maxMillis) {
                throw new AssertionError("not within " + maxMillis + " ms: " + what);
            }
            sleep(10);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A task run by {@link #concurrently}, given its thread's index. */
    @FunctionalInterface
    protected interface ThreadTask<T> {
        T run(int index) throws Exception;
    }

    /**
     * Every item of a bounded listing, read page by page from the first ({@code null} cursor) until a page has no
     * next cursor; checks that no page holds more than {@code limit} items and that the listing ends.
     */
    protected static <T> List<T> allPages(int limit, BiFunction<String, Integer, Page<T>> listing) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<T> page = listing.apply(cursor, limit);
            assertThat(page.items().size()).as("items of one page").isLessThanOrEqualTo(limit);
            items.addAll(page.items());
            cursor = page.next().orElse(null);
            assertThat(++pages).as("pages").isLessThan(10_000);
        } while (cursor != null);
        return items;
    }
}
