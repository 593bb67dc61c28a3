package org.gogoscope.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.LockHandle;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * One failover under lock load: a master, one replica and three sentinels on loopback ({@link RedisServers}), three
 * adapters (nodes) reaching the master through the sentinels, and on them
 * <ul>
 *   <li>churn: 2 threads per node acquiring and at once releasing 24 keys (TTL 2 s): the throughput and latency of
 *       the steady phase come from them;</li>
 *   <li>holders: 2 threads per node taking 4 keys for 300 ms (TTL 2 s) with one extension half-way;</li>
 *   <li>probes: just before the kill, each of 4 keys is taken for a 6 s job (TTL 8 s) on one node, and after the
 *       kill contenders on the next node try it every 20 ms until they get it: a long job whose grant the
 *       failover lost, and another node that wants the same key.</li>
 * </ul>
 * Every grant goes to a {@link GrantLog}. Phases: 0.5 s warm-up, the steady phase, then (lagging replica only) the
 * replica is frozen (SIGSTOP) and 64 MB of junk are written so that what follows cannot sit in its socket buffers,
 * the probes, {@code kill -9} of the master (and SIGCONT of the replica), Sentinel's promotion (down-after
 * 1000 ms, quorum 2), the killed server restarted as the new master's replica as soon as the promotion is seen
 * (a supervisor restarting it), and the load kept up {@code afterMillis} longer, and until the contenders got every
 * probe key (at most 20 s more).
 */
final class FailoverScenario {

    static final String MASTER = "gogo-failover";
    static final int PROBES = 4;
    private static final Duration CHURN_TTL = Duration.ofSeconds(2);
    private static final Duration HOLD_TTL = Duration.ofSeconds(2);
    private static final Duration PROBE_TTL = Duration.ofSeconds(8);
    private static final long PROBE_JOB_MILLIS = 6000;
    private static final long PROMOTION_TIMEOUT_MILLIS = 30_000;

    /** What to run. */
    record Settings(int waitReplicas, boolean laggingReplica, long steadyMillis, long afterMillis) {
        @Override
        public String toString() {
            return "wait-replicas=" + waitReplicas + ", " + (laggingReplica ? "lagging replica" : "replica in sync");
        }
    }

    /**
     * What a run showed; times in ns ({@link System#nanoTime()}), described relative to the kill (SIGKILL sent;
     * {@code deadAt}: the process was gone). {@code replicasAtEnd}: the new master's {@code connected_slaves} when
     * the load stopped; {@code failovers}: Sentinel's config epoch then (one per failover; more than one when
     * Sentinel also failed over away from the promoted replica, e.g. when it answered too slowly on a busy machine).
     */
    record Outcome(Settings settings, GrantLog log, long killedAt, long deadAt, long promotedAt, long replicaBackAt,
            String replicasAtEnd, String failovers, long steadyCalls, long steadyGrants, double steadySeconds, long[] steadyLatencies,
            int probesGranted, int probesContended) {

        List<String> doubleGrants() {
            return log.doubleGrants(killedAt);
        }

        List<String> tokenRegressions() {
            return log.tokenRegressions(killedAt);
        }

        /** Grants asked for once the killed master was gone. */
        long grantsAfterKill() {
            return log.grants().stream().filter(g -> g.sentAt > deadAt).count();
        }

        /** When the first grant asked for once the killed master was gone was answered. */
        Optional<Long> firstGrantAfterKill() {
            return log.grants().stream().filter(g -> g.sentAt > deadAt).map(g -> g.repliedAt).min(Long::compare);
        }

        String summary() {
            List<GrantLog.Failure> failures = log.failures();
            List<GrantLog.Failure> unacknowledged = failures.stream()
                    .filter(f -> f.message().contains("replicas acknowledged")).toList();
            List<GrantLog.Failure> unreachable = failures.stream()
                    .filter(f -> !f.message().contains("replicas acknowledged")).toList();
            StringBuilder text = new StringBuilder("failover [" + settings + "]: ");
            text.append(log.grants().size()).append(" grants; double grants ").append(doubleGrants().size())
                    .append(" (live detector ").append(log.seenByDetector().size()).append("); token regressions ")
                    .append(tokenRegressions().size()).append("; probes granted ").append(probesGranted).append('/')
                    .append(PROBES).append(", taken by contenders ").append(probesContended).append('/')
                    .append(PROBES).append("\n  failed calls: ").append(span("no master or a replica answered",
                            unreachable)).append("; ").append(span("fewer replicas acknowledged", unacknowledged));
            text.append("\n  killed server gone at ").append(GrantLog.ms(deadAt, killedAt))
                    .append(", promotion seen at ").append(GrantLog.ms(promotedAt, killedAt))
                    .append(", killed server back as replica at ").append(GrantLog.ms(replicaBackAt, killedAt))
                    .append(", first grant asked for after it was gone answered at ")
                    .append(firstGrantAfterKill().map(t -> GrantLog.ms(t, killedAt)).orElse("never"))
                    .append(", grants after it ").append(grantsAfterKill()).append(", failovers ").append(failovers)
                    .append(", replicas of the promoted replica at the end ").append(replicasAtEnd);
            long[] sorted = steadyLatencies.clone();
            Arrays.sort(sorted);
            text.append(String.format("%n  steady phase: %.0f acquires/s (%.0f grants/s) by 6 churn threads, "
                    + "latency p50 %.2f ms, p99 %.2f ms", steadyCalls / steadySeconds, steadyGrants / steadySeconds,
                    percentile(sorted, 50), percentile(sorted, 99)));
            for (String line : doubleGrants().stream().limit(8).toList()) {
                text.append("\n  double grant ").append(line);
            }
            for (String line : tokenRegressions().stream().limit(8).toList()) {
                text.append("\n  token regression ").append(line);
            }
            return text.toString();
        }

        private String span(String what, List<GrantLog.Failure> failures) {
            if (failures.isEmpty()) {
                return "0 " + what;
            }
            return failures.size() + " " + what + " from " + GrantLog.ms(failures.get(0).at(), killedAt) + " to "
                    + GrantLog.ms(failures.get(failures.size() - 1).at(), killedAt);
        }

        private static double percentile(long[] sorted, int percent) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
        }
    }

    private final Settings settings;
    private final GrantLog log = new GrantLog();
    private final String prefix = "fo" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private final AtomicInteger owners = new AtomicInteger();
    /** Every churn acquire that was answered: {sent, replied, 1 if granted}. */
    private final Queue<long[]> churnCalls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger probesGranted = new AtomicInteger();
    private final AtomicInteger probesContended = new AtomicInteger();
    private volatile boolean running = true;

    private FailoverScenario(Settings settings) {
        this.settings = settings;
    }

    static Outcome run(Settings settings) throws Exception {
        return new FailoverScenario(settings).run();
    }

    private Outcome run() throws Exception {
        try (RedisServers servers = new RedisServers()) {
            RedisServers.FailoverSet set = servers.failoverSet(MASTER, 1000, 3000);
            RedisClientConfig config = RedisClientConfig.sentinel(MASTER, set.sentinels()).withPoolSize(8)
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
                    .withReplicaWait(settings.waitReplicas(), Duration.ofMillis(200));
            List<RedisAdapter> nodes = new ArrayList<>();
            ExecutorService threads = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "failover-load");
                thread.setDaemon(true);
                return thread;
            });
            try {
                for (int i = 0; i < 3; i++) {
                    RedisAdapter node = new RedisAdapter(config, prefix);
                    nodes.add(node);
                    node.connect();
                }
                for (RedisAdapter node : nodes) {
                    for (int i = 0; i < 2; i++) {
                        threads.submit(() -> churn(node));
                        threads.submit(() -> hold(node));
                    }
                }
                Thread.sleep(500);
                long steadyFrom = System.nanoTime();
                Thread.sleep(settings.steadyMillis());
                long steadyUntil = System.nanoTime();
                if (settings.laggingReplica()) {
                    servers.pause(set.replica());
                    try (Jedis master = new Jedis("127.0.0.1", set.master())) {
                        String junk = "x".repeat(8 << 20);
                        for (int i = 0; i < 8; i++) {
                            master.set(prefix + "junk:" + i, junk);
                        }
                    }
                }
                CountDownLatch probed = new CountDownLatch(PROBES);
                for (int i = 0; i < PROBES; i++) {
                    RedisAdapter node = nodes.get(i % nodes.size());
                    String key = "probe:" + i;
                    threads.submit(() -> probe(node, key, probed));
                }
                if (!probed.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("the probes did not finish within 10 s");
                }
                long killedAt = System.nanoTime();
                servers.kill(set.master());
                long deadAt = System.nanoTime();
                if (settings.laggingReplica()) {
                    servers.resume(set.replica());
                }
                for (int i = 0; i < PROBES; i++) {
                    RedisAdapter node = nodes.get((i + 1) % nodes.size());
                    String key = "probe:" + i;
                    threads.submit(() -> contend(node, key));
                }
                long promotedAt = awaitPromotion(set);
                servers.restartAsReplica(set.master(), set.replica());
                servers.awaitInSync(set.master());
                long replicaBackAt = System.nanoTime();
                Thread.sleep(settings.afterMillis());
                long recoveryDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (probesContended.get() < PROBES && System.nanoTime() < recoveryDeadline) {
                    Thread.sleep(50); // a slow recovery is measured, not cut short
                }
                String replicasAtEnd;
                try (Jedis promoted = new Jedis("127.0.0.1", set.replica())) {
                    replicasAtEnd = promoted.info("replication").lines()
                            .filter(line -> line.startsWith("connected_slaves:")).findFirst().orElse("?")
                            .substring("connected_slaves:".length());
                }
                String failovers = "?";
                for (HostAndPort address : set.sentinels()) {
                    try (Jedis sentinel = new Jedis(address)) {
                        failovers = sentinel.sentinelMaster(set.masterName()).get("config-epoch");
                        break;
                    } catch (RuntimeException e) {
                        // ask the next
                    }
                }
                running = false;
                threads.shutdown();
                if (!threads.awaitTermination(20, TimeUnit.SECONDS)) {
                    throw new AssertionError("the load did not stop within 20 s");
                }
                List<long[]> steady = churnCalls.stream()
                        .filter(call -> call[0] >= steadyFrom && call[1] <= steadyUntil).toList();
                return new Outcome(settings, log, killedAt, deadAt, promotedAt, replicaBackAt, replicasAtEnd,
                        failovers, steady.size(),
                        steady.stream().filter(call -> call[2] == 1).count(), (steadyUntil - steadyFrom) / 1e9,
                        steady.stream().mapToLong(call -> call[1] - call[0]).toArray(), probesGranted.get(),
                        probesContended.get());
            } finally {
                running = false;
                threads.shutdownNow();
                threads.awaitTermination(10, TimeUnit.SECONDS);
                for (RedisAdapter node : nodes) {
                    node.close();
                }
            }
        }
    }

    /** Waits until a sentinel (the failover's leader is the first to know) names the replica as the master. */
    private static long awaitPromotion(RedisServers.FailoverSet set) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROMOTION_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            for (HostAndPort address : set.sentinels()) {
                try (Jedis sentinel = new Jedis(address)) {
                    List<String> master = sentinel.sentinelGetMasterAddrByName(set.masterName());
                    if (Integer.parseInt(master.get(1)) == set.replica()) {
                        return System.nanoTime();
                    }
                } catch (RuntimeException e) {
                    // a sentinel busy with the failover: ask the next
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no promotion within " + PROMOTION_TIMEOUT_MILLIS + " ms");
    }

    private String owner(String role) {
        return role + "-" + owners.incrementAndGet();
    }

    private void churn(RedisAdapter node) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running) {
            String key = "churn:" + random.nextInt(24);
            String owner = owner("churn");
            long sent = System.nanoTime();
            try {
                Optional<LockHandle> handle = node.locks().acquire(key, CHURN_TTL, owner);
                long replied = System.nanoTime();
                churnCalls.add(new long[] {sent, replied, handle.isPresent() ? 1 : 0});
                if (handle.isPresent()) {
                    GrantLog.Grant grant = log.granted(key, owner, handle.get().fencingToken(), sent, replied,
                            CHURN_TTL.toMillis());
                    log.ended(grant);
                    handle.get().release();
                }
            } catch (BackendException e) {
                failedThenPause(e, 10);
            }
        }
    }

    private void hold(RedisAdapter node) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running) {
            String key = "hold:" + random.nextInt(4);
            String owner = owner("holder");
            long sent = System.nanoTime();
            try {
                Optional<LockHandle> handle = node.locks().acquire(key, HOLD_TTL, owner);
                if (handle.isEmpty()) {
                    pause(5);
                    continue;
                }
                GrantLog.Grant grant = log.granted(key, owner, handle.get().fencingToken(), sent, System.nanoTime(),
                        HOLD_TTL.toMillis());
                try {
                    pause(150);
                    long extendSent = System.nanoTime();
                    try {
                        if (handle.get().extend(HOLD_TTL)) {
                            log.extended(grant, extendSent, HOLD_TTL.toMillis());
                        } else {
                            continue; // lost: the finally block ends the belief
                        }
                    } catch (BackendException e) {
                        log.failed(e.operation(), e); // the grant's earlier validity still stands
                    }
                    pause(150);
                } finally {
                    log.ended(grant);
                }
                handle.get().release();
            } catch (BackendException e) {
                failedThenPause(e, 10);
            }
        }
    }

    private void probe(RedisAdapter node, String key, CountDownLatch probed) {
        String owner = owner("probe");
        long sent = System.nanoTime();
        Optional<LockHandle> handle;
        try {
            handle = node.locks().acquire(key, PROBE_TTL, owner);
        } catch (BackendException e) {
            log.failed(e.operation(), e);
            return;
        } finally {
            probed.countDown();
        }
        if (handle.isEmpty()) {
            return;
        }
        probesGranted.incrementAndGet();
        GrantLog.Grant grant = log.granted(key, owner, handle.get().fencingToken(), sent, System.nanoTime(),
                PROBE_TTL.toMillis());
        long jobEnd = sent + TimeUnit.MILLISECONDS.toNanos(PROBE_JOB_MILLIS);
        while (running && System.nanoTime() < jobEnd) {
            pause(20);
        }
        log.ended(grant);
        try {
            handle.get().release();
        } catch (BackendException e) {
            log.failed(e.operation(), e);
        }
    }

    private void contend(RedisAdapter node, String key) {
        while (running) {
            String owner = owner("contender");
            long sent = System.nanoTime();
            try {
                Optional<LockHandle> handle = node.locks().acquire(key, PROBE_TTL, owner);
                if (handle.isPresent()) {
                    probesContended.incrementAndGet();
                    GrantLog.Grant grant = log.granted(key, owner, handle.get().fencingToken(), sent,
                            System.nanoTime(), PROBE_TTL.toMillis());
                    while (running) {
                        pause(20);
                    }
                    log.ended(grant);
                    handle.get().release();
                    return;
                }
            } catch (BackendException e) {
                log.failed(e.operation(), e);
            }
            pause(20);
        }
    }

    private void failedThenPause(BackendException e, long millis) {
        log.failed(e.operation(), e);
        pause(millis);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
