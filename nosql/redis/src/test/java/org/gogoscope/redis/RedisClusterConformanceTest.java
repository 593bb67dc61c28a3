package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.CircuitRecordInfo;
import org.gogoscope.api.InProgressClaim;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.Page;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The whole contract against a three-master Redis Cluster on loopback that this class starts and stops, plus
 * checks that keys spread over the masters and listings find them on every master without SCAN, that a lock and
 * its fencing counter share a slot, that {@code redis.wait-replicas} waits on the lock's shard, and the index and
 * counter checks of {@link RedisChecks}.
 */
class RedisClusterConformanceTest extends ConformanceSuite {

    private static RedisServers servers;
    private static List<HostAndPort> nodes;

    @BeforeAll
    static void startCluster() throws Exception {
        servers = new RedisServers();
        nodes = servers.cluster(3);
    }

    @AfterAll
    static void stopCluster() {
        if (servers != null) {
            servers.close();
        }
    }

    @Override
    protected BackendFixture fixture() {
        return new RedisFixture(prefix -> new RedisAdapter(RedisClientConfig.cluster(nodes).withPoolSize(8), prefix));
    }

    @Test
    void cacheKeysSpreadOverEveryMasterAndKeysFindsThemAll() {
        try (PersistenceAdapter adapter = fixture().newAdapter("spread:")) {
            adapter.connect();
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                adapter.cache().set("k" + i, i, Duration.ofMinutes(1));
                expected.add("k" + i);
            }
            for (HostAndPort node : nodes) {
                try (Jedis jedis = new Jedis(node)) {
                    assertThat(jedis.scan("0", new ScanParams().match("spread:cache:*").count(1000)).getResult())
                            .as("keys on master %s", node).isNotEmpty();
                }
            }
            assertThat(adapter.cache().keys()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(adapter.cache().keys("k1?")).hasSize(10);
            assertThat(adapter.cache().clear()).isEqualTo(60);
            assertThat(adapter.cache().keys()).isEmpty();
        }
    }

    /**
     * Breaker records and claims spread over every master (keys with and without hash tags), a tagged prefix's in
     * one slot: each listing pages through every master and finds each once.
     */
    @Test
    void breakerRecordsAndClaimsOnEveryMasterAreEachListedOnce() {
        for (String prefix : List.of("spread-list:", "t{7}:")) {
            try (PersistenceAdapter adapter = fixture().newAdapter(prefix)) {
                adapter.connect();
                Set<String> keys = new HashSet<>();
                for (int i = 0; i < 30; i++) {
                    keys.add(i % 2 == 0 ? "svc" + i : "{t" + i + "}svc");
                }
                for (String key : keys) {
                    assertThat(adapter.circuitBreakers().compareAndSetRecord(key, 0, "{}")).isTrue();
                    adapter.idempotency().claim(key, null, Duration.ofMinutes(1), String.class);
                }
                if (prefix.equals("spread-list:")) {
                    for (HostAndPort node : nodes) {
                        try (Jedis jedis = new Jedis(node)) {
                            assertThat(jedis.scan("0", new ScanParams().match(prefix + "circuit-record:*").count(1000))
                                    .getResult()).as("records on master %s", node).isNotEmpty();
                        }
                    }
                }
                List<CircuitRecordInfo> records = allPages(4,
                        (cursor, limit) -> adapter.circuitBreakers().listRecords("*", cursor, limit));
                List<InProgressClaim> claims = allPages(4,
                        (cursor, limit) -> adapter.idempotency().listInProgress("*", cursor, limit));
                assertThat(records).extracting(CircuitRecordInfo::key).as(prefix).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(keys);
                assertThat(claims).extracting(InProgressClaim::key).as(prefix).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(keys);
                for (String key : keys) {
                    assertThat(adapter.idempotency().delete(key)).isTrue();
                }
            }
        }
    }

    @Test
    void aLockAndItsFencingCounterShareASlotWhateverTheKey() {
        RedisKeys keys = new RedisKeys("p:");
        for (String key : List.of("orders", "a}b", "{x}y", "}{", "{}z", "user{42}", "é{ü}")) {
            String full = "p:" + key;
            assertThat(JedisClusterCRC16.getSlot(keys.fence(full))).as(key)
                    .isEqualTo(JedisClusterCRC16.getSlot(keys.lock(full)));
        }
        try (PersistenceAdapter adapter = fixture().newAdapter("slots:")) {
            adapter.connect();
            for (String key : List.of("a}b", "}{", "{}z", "plain")) {
                long first = adapter.locks().acquire(key, Duration.ofSeconds(5), "me").orElseThrow().fencingToken();
                assertThat(adapter.locks().forceRelease(key)).isTrue();
                assertThat(adapter.locks().acquire(key, Duration.ofSeconds(5), "you").orElseThrow().fencingToken())
                        .isGreaterThan(first);
            }
        }
    }

    /**
     * Once the prefix is indexed, listing by a literal prefix or by a pattern without a literal head, and
     * clearing, send no SCAN to any master (INFO commandstats), while 3,000 keys of other prefixes and kinds are
     * spread over the masters.
     */
    @Test
    void listingsReadTheIndexAndNeverScanTheServer() {
        try (RedisAdapter adapter = new RedisAdapter(RedisClientConfig.cluster(nodes), "noscan:");
                RedisClient raw = new RedisClient(RedisClientConfig.cluster(nodes).open())) {
            adapter.connect();
            for (int i = 0; i < 3000; i++) {
                String key = "other" + (i % 3) + ":" + (i % 2 == 0 ? "cache:item:000012" : "lock:") + i;
                raw.call(j -> j.set(key, "x"));
            }
            for (int i = 0; i < 100; i++) {
                adapter.cache().set(String.format("item:%07d", 100 + i), i);
            }
            assertThat(adapter.cache().keys("warm-up*")).isEmpty(); // indexes older entries once
            long scans = scans();
            assertThat(adapter.cache().keys("item:000012*")).hasSize(10);
            assertThat(adapter.cache().keys("*2*")).hasSize(19);
            assertThat(adapter.cache().keys()).hasSize(100);
            assertThat(adapter.cache().clear()).isEqualTo(100);
            assertThat(adapter.cache().keys()).isEmpty();
            assertThat(scans()).as("SCAN calls on all masters").isEqualTo(scans);
        }
    }

    @Test
    void churnLeavesTheIndexAndTheFenceCountersBounded() {
        try (RedisAdapter adapter = new RedisAdapter(RedisClientConfig.cluster(nodes), "churn:")) {
            adapter.connect();
            RedisChecks.churnLeavesTheIndexAndTheFenceCountersBounded(adapter);
        }
    }

    @Test
    void hostileKeysAreListedByTheirLiteralHeadUnderHostilePrefixes() {
        for (String prefix : List.of("", "h%_*?[]\\'\";:", "t{7}:", "a{}b:", "{}", "x}y:", "\ud83d\ude00:",
                "\u00e9{\u00fc}:")) {
            try (RedisAdapter adapter = new RedisAdapter(RedisClientConfig.cluster(nodes), prefix)) {
                adapter.connect();
                RedisChecks.hostileKeysAreListedByTheirLiteralHead(adapter);
            }
        }
    }

    @Test
    void aListingDropsTheNamesOfVanishedEntries() {
        try (RedisAdapter adapter = new RedisAdapter(RedisClientConfig.cluster(nodes), "vanish:")) {
            adapter.connect();
            RedisChecks.aListingDropsTheNamesOfVanishedEntries(adapter);
        }
    }

    @Test
    void concurrentSetsAndDeletesNeverLoseALiveEntrysName() throws Exception {
        try (RedisAdapter adapter = new RedisAdapter(RedisClientConfig.cluster(nodes).withPoolSize(8), "race:")) {
            adapter.connect();
            RedisChecks.concurrentSetsAndDeletesNeverLoseALiveEntrysName(adapter);
        }
    }

    /**
     * {@code redis.wait-replicas=1} waits on the shard of the lock's slot: while no master has a replica every
     * grant fails and is released; once the first master has one, grants of keys in its slots count and grants
     * elsewhere still fail (a {@code WAIT} sent to any other node would not tell them apart).
     */
    @Test
    void aWaitingGrantCountsOnlyOnAShardWhoseReplicaAcknowledgedIt() throws Exception {
        RedisClientConfig waiting = RedisClientConfig.cluster(nodes).withPoolSize(4)
                .withReplicaWait(1, Duration.ofMillis(100));
        RedisKeys keys = new RedisKeys("wait:");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            names.add("k" + i);
        }
        try (RedisAdapter adapter = new RedisAdapter(waiting, "wait:");
                PersistenceAdapter plain = fixture().newAdapter("wait:")) {
            adapter.connect();
            plain.connect();
            for (String name : names) {
                assertThatThrownBy(() -> adapter.locks().acquire(name, Duration.ofSeconds(30), "alice"))
                        .isInstanceOf(BackendException.class).hasMessageContaining("0 of 1 replicas");
                assertThat(plain.locks().inspect(name)).as(name).isEmpty();
            }
            servers.clusterReplica(nodes.get(0));
            Set<Integer> replicated = slotsOf(nodes.get(0));
            int counted = 0;
            for (String name : names) {
                if (replicated.contains(JedisClusterCRC16.getSlot(keys.lock("wait:" + name)))) {
                    LockHandle handle = adapter.locks().acquire(name, Duration.ofSeconds(30), "bob").orElseThrow();
                    assertThat(handle.extend(Duration.ofSeconds(30))).isTrue();
                    assertThat(handle.release()).isTrue();
                    counted++;
                } else {
                    assertThatThrownBy(() -> adapter.locks().acquire(name, Duration.ofSeconds(30), "bob"))
                            .as(name).isInstanceOf(BackendException.class).hasMessageContaining("0 of 1 replicas");
                }
            }
            assertThat(counted).as("keys on the replicated shard").isBetween(1, names.size() - 1);
        }
    }

    /**
     * The README's ACL rule for a Cluster (the standalone commands plus {@code +cluster|slots +role +asking}), set
     * on every node, replicas included (ACLs are per node): locks, the indexed and the scanned cache listing (SCAN on every master,
     * which it finds with ROLE), idempotency and checkpoints work as that user, and a key outside the pattern is
     * refused with a BackendException naming NOPERM.
     */
    @Test
    void theDocumentedAclRuleIsEnoughOnACluster() {
        List<HostAndPort> everyNode = new ArrayList<>();
        try (Jedis jedis = new Jedis(nodes.get(0))) {
            // replicas too (another test may have added one): the adapter's connect PINGs every node
            for (String line : jedis.clusterNodes().split("\n")) {
                if (!line.isBlank()) {
                    everyNode.add(HostAndPort.from(line.split(" ")[1].replaceAll("@.*", "")));
                }
            }
        }
        for (HostAndPort node : everyNode) {
            try (Jedis jedis = new Jedis(node)) {
                jedis.aclSetUser("gogo-cluster-app", ("on >cl-Pw resetkeys ~acl:* resetchannels -@all "
                        + RedisAclConformanceTest.COMMANDS + " +cluster|slots +role +asking").split(" "));
            }
        }
        for (boolean index : List.of(true, false)) {
            try (PersistenceAdapter adapter = new RedisAdapter(RedisClientConfig.cluster(nodes)
                    .withCredentials("gogo-cluster-app", "cl-Pw").withCacheIndex(index), "acl:")) {
                adapter.connect();
                for (int i = 0; i < 20; i++) {
                    adapter.cache().set("k" + i, i, Duration.ofMinutes(1));
                }
                assertThat(adapter.cache().keys("k1*")).hasSize(11);
                assertThat(adapter.cache().clear()).isEqualTo(20);
                LockHandle lock = adapter.locks().acquire("job", Duration.ofSeconds(5), "me").orElseThrow();
                assertThat(lock.release()).isTrue();
                adapter.idempotency().set("op", "done", Duration.ofSeconds(30));
                assertThat(adapter.idempotency().delete("op")).isTrue();
                adapter.idempotency().claim("claimed", null, Duration.ofSeconds(30), String.class);
                assertThat(allPages(1000,
                        (cursor, limit) -> adapter.idempotency().listInProgress("*", cursor, limit))).hasSize(1);
                assertThat(adapter.idempotency().delete("claimed")).isTrue();
                assertThat(adapter.circuitBreakers().compareAndSetRecord("svc" + index, 0, "{}")).isTrue();
                assertThat(allPages(1000,
                        (cursor, limit) -> adapter.circuitBreakers().listRecords("svc" + index, cursor, limit)))
                        .hasSize(1);
                adapter.checkpoints().save(new Checkpoint<>("c", "task", 1, Instant.now(), 0, "x", null));
                assertThat(allPages(1000,
                        (cursor, limit) -> adapter.checkpoints().listTasks("*", cursor, limit))).hasSize(1);
                assertThat(adapter.checkpoints().deleteAll("task")).isEqualTo(1);
            }
        }
        // a node without the user (here: its password changed on one master) fails the connect, naming the node
        try (Jedis jedis = new Jedis(nodes.get(1))) {
            jedis.aclSetUser("gogo-cluster-app", "resetpass", ">other-Pw");
        }
        PersistenceAdapter lacking = new RedisAdapter(RedisClientConfig.cluster(List.of(nodes.get(0)))
                .withCredentials("gogo-cluster-app", "cl-Pw"), "acl:");
        assertThatThrownBy(lacking::connect).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("GOGO-0301: redis connect failed: node " + nodes.get(1) + " failed: ")
                .hasMessageNotContaining("cl-Pw");
        try (Jedis jedis = new Jedis(nodes.get(1))) {
            jedis.aclSetUser("gogo-cluster-app", "resetpass", ">cl-Pw");
        }
        try (PersistenceAdapter outside = new RedisAdapter(RedisClientConfig.cluster(nodes)
                .withCredentials("gogo-cluster-app", "cl-Pw"), "other:")) {
            outside.connect();
            assertThatThrownBy(() -> outside.locks().acquire("job", Duration.ofSeconds(5), "me"))
                    .isInstanceOf(BackendException.class).hasMessageContaining("NOPERM");
        }
    }

    /** Every item of a listing, page by page until no cursor follows (a page per SCAN step on each master). */
    private static <T> List<T> allPages(int limit, BiFunction<String, Integer, Page<T>> listing) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = listing.apply(cursor, limit);
            items.addAll(page.items());
            cursor = page.next().orElse(null);
        } while (cursor != null);
        return items;
    }

    /** The slots {@code master} serves ({@code CLUSTER SLOTS}). */
    private static Set<Integer> slotsOf(HostAndPort master) {
        Set<Integer> slots = new HashSet<>();
        try (Jedis jedis = new Jedis(master)) {
            for (Object range : jedis.clusterSlots()) {
                List<?> fields = (List<?>) range;
                List<?> owner = (List<?>) fields.get(2);
                if (Long.valueOf(master.getPort()).equals(owner.get(1))) {
                    for (long slot = (Long) fields.get(0); slot <= (Long) fields.get(1); slot++) {
                        slots.add((int) slot);
                    }
                }
            }
        }
        return slots;
    }

    /** SCAN commands served so far by all masters together. */
    private static long scans() {
        long total = 0;
        for (HostAndPort node : nodes) {
            try (Jedis jedis = new Jedis(node)) {
                for (String line : jedis.info("commandstats").split("\r?\n")) {
                    if (line.startsWith("cmdstat_scan:")) {
                        total += Long.parseLong(line.replaceAll("^cmdstat_scan:calls=(\\d+),.*", "$1").strip());
                    }
                }
            }
        }
        return total;
    }
}
