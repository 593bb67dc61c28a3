package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.CircuitRecordInfo;
import org.gogoscope.api.InProgressClaim;
import org.gogoscope.api.LockPage;
import org.gogoscope.api.Page;
import org.gogoscope.api.TaskInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;

/**
 * The SCAN listings of breaker records, claims in progress and checkpoint tasks on a server of their own (started
 * and stopped by this class, emptied before each test), where a page holds few keys of the server: each key is
 * listed once, under a prefix of glob metacharacters and under one with a hash tag, with keys that carry hash
 * tags; a step that keeps more than the limit is scanned again smaller, and a hash bucket with more keys than the
 * limit is cut in key order. Round trips are counted on the adapter's one connection.
 */
class RedisListingTest {

    private static RedisServers servers;
    private static int port;

    private final AtomicInteger requests = new AtomicInteger();
    private RedisAdapter adapter;

    @BeforeAll
    static void startServer() throws Exception {
        servers = new RedisServers();
        port = servers.standalone();
    }

    @AfterAll
    static void stopServer() {
        if (servers != null) {
            servers.close();
        }
    }

    @BeforeEach
    void emptyServer() {
        try (Jedis admin = new Jedis("127.0.0.1", port)) {
            admin.flushAll();
        }
    }

    @AfterEach
    void disconnect() {
        if (adapter != null) {
            adapter.disconnect();
        }
    }

    /**
     * Pages of 5 out of the few dozen keys of the server: the first SCAN step (COUNT 100) keeps more than 5 and is
     * scanned again with a smaller COUNT, so a page takes at most 7 SCANs (COUNT 100, 50, 25, 12, 6, 3, 1) and a
     * pipeline.
     */
    @Test
    void eachKeyIsListedOnceWhateverThePrefixAndTheHashTags() {
        for (String prefix : List.of("%_*?[x]\\:", "t{7}:")) {
            emptyServer();
            connect(prefix);
            List<String> breakers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                breakers.addAll(List.of("svc:" + i, "{t" + i + "}svc"));
            }
            for (String key : breakers) {
                assertThat(adapter.circuitBreakers().compareAndSetRecord(key, 0, "{}")).isTrue();
            }
            adapter.circuitBreakers().recordFailure("svc:state-only", 1);
            for (int i = 0; i < 10; i++) {
                adapter.idempotency().claim("pay:" + i, null, Duration.ofMinutes(1), String.class);
            }
            for (String done : List.of("pay:done", "pay:set")) {
                adapter.idempotency().set(done, "ok", Duration.ofMinutes(1));
            }
            for (int i = 0; i < 6; i++) {
                adapter.checkpoints().save(new Checkpoint<>("c" + i, "task-{" + i + "}", i + 1, Instant.now(), 50,
                        "data", null));
            }
            loadScripts();

            List<CircuitRecordInfo> records = allPages(5, 7,
                    (cursor, limit) -> adapter.circuitBreakers().listRecords("*", cursor, limit));
            assertThat(records).extracting(CircuitRecordInfo::key).as(prefix)
                    .containsExactlyInAnyOrderElementsOf(breakers);
            assertThat(allPages(5, 7, (cursor, limit) -> adapter.circuitBreakers().listRecords("{t?}*", cursor,
                    limit))).as(prefix).hasSize(6);
            List<InProgressClaim> claims = allPages(5, 7,
                    (cursor, limit) -> adapter.idempotency().listInProgress("pay:*", cursor, limit));
            assertThat(claims).extracting(InProgressClaim::key).as(prefix).hasSize(10)
                    .allMatch(key -> key.matches("pay:\\d"));
            List<TaskInfo> tasks = allPages(5, 7,
                    (cursor, limit) -> adapter.checkpoints().listTasks("task-*", cursor, limit));
            assertThat(tasks).as(prefix).hasSize(6).allMatch(task -> task.checkpoints() == 1
                    && task.taskId().equals("task-{" + (task.latestSequence() - 1) + "}"));
            adapter.disconnect();
        }
    }

    /** Among 300 keys of another prefix, a step keeps at most a few of the prefix's: one SCAN and one pipeline. */
    @Test
    void aPageIsOneScanAndOnePipelineWhenTheStepKeepsNoMoreThanTheLimit() {
        try (Jedis admin = new Jedis("127.0.0.1", port)) {
            for (int i = 0; i < 300; i++) {
                admin.set("unrelated:" + i, "x");
            }
        }
        connect("p:");
        for (int i = 0; i < 3; i++) {
            assertThat(adapter.circuitBreakers().compareAndSetRecord("svc" + i, 0, "{}")).isTrue();
            adapter.idempotency().claim("pay" + i, null, Duration.ofMinutes(1), String.class);
            adapter.checkpoints().save(new Checkpoint<>("c" + i, "task" + i, 1, Instant.now(), 0, "x", null));
        }
        loadScripts();
        assertThat(allPages(5, 1, (cursor, limit) -> adapter.circuitBreakers().listRecords("*", cursor, limit)))
                .hasSize(3);
        assertThat(allPages(5, 1, (cursor, limit) -> adapter.idempotency().listInProgress("*", cursor, limit)))
                .hasSize(3);
        assertThat(allPages(5, 1, (cursor, limit) -> adapter.checkpoints().listTasks("*", cursor, limit)))
                .hasSize(3);
    }

    /** Locks found by one SCAN step are read in one pipeline: 2 round trips for a page of 8, not 1 + 8. */
    @Test
    void aPageOfLocksIsOneScanAndOnePipeline() {
        connect("p:");
        for (int i = 0; i < 8; i++) {
            assertThat(adapter.locks().acquire("job" + i, Duration.ofMinutes(1))).isPresent();
        }
        loadScripts();
        int before = requests.get();
        LockPage page = adapter.locks().list("job*", null, 10);
        assertThat(requests.get() - before).as("round trips of one page").isEqualTo(2);
        assertThat(page.locks()).hasSize(8);
        assertThat(page.next()).isEmpty();
    }

    /**
     * 40 claims and nothing else in a table of 64 buckets: some bucket almost surely holds two (all but
     * certainly, by the birthday bound), which a step of COUNT 1 returns together; with a limit of 1 the page
     * is cut there, and the next one goes on after its key.
     */
    @Test
    void aBucketWithMoreKeysThanTheLimitIsCutInKeyOrder() {
        connect("p:");
        for (int i = 0; i < 40; i++) {
            adapter.idempotency().claim("pay" + i, null, Duration.ofMinutes(1), String.class);
        }
        List<String> cursors = new ArrayList<>();
        List<InProgressClaim> claims = new ArrayList<>();
        String cursor = null;
        do {
            Page<InProgressClaim> page = adapter.idempotency().listInProgress("*", cursor, 1);
            claims.addAll(page.items());
            cursor = page.next().orElse(null);
            cursors.add(cursor);
        } while (cursor != null);
        assertThat(claims).extracting(InProgressClaim::key).doesNotHaveDuplicates().hasSize(40);
        assertThat(cursors).anyMatch(next -> next != null && next.split(":").length == 3);
    }

    private void connect(String prefix) {
        adapter = new RedisAdapter(RedisClientConfig.standalone("redis://127.0.0.1:" + port), this::counting, prefix);
        adapter.connect();
    }

    /** A listing of each kind, so the scripts are cached before round trips are counted. */
    private void loadScripts() {
        adapter.idempotency().listInProgress("*", null, 1);
        adapter.checkpoints().listTasks("*", null, 1);
        adapter.locks().inspect("any"); // the lock listing's script (a page of 1 may find no key to run it on)
    }

    /**
     * Every item, page by page: each page at most {@code limit} items and {@code maxScans} SCANs plus one
     * pipeline; no item twice.
     */
    private <T> List<T> allPages(int limit, int maxScans, BiFunction<String, Integer, Page<T>> listing) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        do {
            int before = requests.get();
            Page<T> page = listing.apply(cursor, limit);
            assertThat(requests.get() - before).as("round trips of one page").isLessThanOrEqualTo(maxScans + 1);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
            items.addAll(page.items());
            cursor = page.next().orElse(null);
        } while (cursor != null);
        assertThat(items).doesNotHaveDuplicates();
        return items;
    }

    /** A one-connection client whose connection counts the requests it sends. */
    private JedisPooled counting() {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(1);
        return new JedisPooled(pool, new RedisRoundTripTest.CountingSockets("127.0.0.1", port, requests),
                DefaultJedisClientConfig.builder().clientSetInfoConfig(ClientSetInfoConfig.DISABLED).build());
    }
}
