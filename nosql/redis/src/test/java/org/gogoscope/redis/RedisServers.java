package org.gogoscope.redis;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Protocol;
import org.gogoscope.testsupport.TestCertificates;

/**
 * Throwaway redis-server processes on loopback for tests: standalone, a three-master Cluster, a master with one
 * Sentinel, and a master with a replica and three sentinels that a test can fail over. Ports are searched in
 * {@code -Dredis.test.ports=<first>-<last>} (default 7100-7899; a cluster node also needs port + 10000), so a run
 * can keep off the ports of another run on the same machine. Start-up is bounded; a server that does not come up
 * fails the test with its log. {@link #close()} (or the shutdown hook) stops everything, killed and paused
 * processes included, and deletes the directory of configurations and logs.
 *
 * <p>Made with {@link TestCertificates}, every server, sentinel and Cluster node listens on TLS only
 * ({@code --port 0 --tls-port}), with the server certificate for {@code localhost}/{@code 127.0.0.1} unless a test
 * names another, asks clients for a certificate ({@code tls-auth-clients yes}), and replicates, monitors and runs
 * the Cluster bus over TLS ({@code tls-replication}, {@code tls-cluster}); the launcher's own connections and
 * {@code redis-cli} use the client certificate.
 */
final class RedisServers implements AutoCloseable {

    private static final long START_TIMEOUT_MS = 30_000;
    private static final int FIRST_PORT;
    private static final int LAST_PORT;
    private static int nextPort;

    static {
        String range = System.getProperty("redis.test.ports", "7100-7899");
        int dash = range.indexOf('-');
        FIRST_PORT = Integer.parseInt(range.substring(0, dash).strip());
        LAST_PORT = Integer.parseInt(range.substring(dash + 1).strip());
        nextPort = FIRST_PORT;
    }

    private final Path dir;
    /** Every process started, by port (a restarted server replaces its entry; the old process is kept below). */
    private final Map<Integer, Process> byPort = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final Set<Process> paused = new HashSet<>();
    private final Thread cleanup = new Thread(this::stopAll, "redis-servers-cleanup");

    /** TLS everywhere when set (see the class comment); {@code null}: plaintext. */
    private final TestCertificates tls;
    private final JedisClientConfig admin;

    RedisServers() throws IOException {
        this(null);
    }

    RedisServers(TestCertificates tls) throws IOException {
        this.tls = tls;
        this.admin = tls == null ? DefaultJedisClientConfig.builder().build() : DefaultJedisClientConfig.builder()
                .ssl(true).sslSocketFactory(TestTls.adminSockets(tls)).build();
        dir = Files.createTempDirectory("gogoscope-redis-");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** A connection of the launcher's own (TLS with the client certificate, no host name check, when TLS). */
    Jedis jedis(HostAndPort node) {
        return jedis(node, true);
    }

    private Jedis jedis(HostAndPort node, boolean tlsPort) {
        return new Jedis(node, tlsPort ? admin : DefaultJedisClientConfig.builder().build());
    }

    private Jedis jedis(int port) {
        return jedis(new HostAndPort("127.0.0.1", port));
    }

    /** A standalone server with {@code extra} redis-server arguments (e.g. {@code --aclfile}); returns its port. */
    int standalone(String... extra) throws Exception {
        int port = freePort(false);
        start(port, List.of(extra));
        return port;
    }

    /** A standalone TLS server that shows {@code certificate} instead of the right one; returns its port. */
    int standaloneShowing(TestCertificates.Pair certificate) throws Exception {
        int port = freePort(false);
        start(port, List.of(), certificate);
        return port;
    }

    /** Restarts a standalone server on {@code port} after {@link #stop(int)}. */
    void restartStandalone(int port) throws Exception {
        start(port, List.of());
    }

    /** A Cluster of {@code masters} masters without replicas, all slots covered; returns the nodes. */
    List<HostAndPort> cluster(int masters) throws Exception {
        List<HostAndPort> nodes = new ArrayList<>();
        for (int i = 0; i < masters; i++) {
            int port = freePort(true);
            start(port, List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
                    "--cluster-node-timeout", "5000"));
            nodes.add(new HostAndPort("127.0.0.1", port));
        }
        List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        nodes.forEach(node -> create.add(node.toString()));
        create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        create.addAll(cliTls());
        redisCli(create, "cluster-create.log");
        for (HostAndPort node : nodes) {
            await("cluster_state:ok on " + node, () -> {
                try (Jedis jedis = jedis(node)) {
                    return jedis.clusterInfo().contains("cluster_state:ok");
                }
            });
        }
        return nodes;
    }

    /**
     * A Cluster of one TLS node that shows {@code certificate} and holds every slot ({@code CLUSTER ADDSLOTSRANGE}:
     * {@code redis-cli --cluster create} wants three masters, and a refusal test needs only one node to refuse).
     * Returns the node.
     */
    HostAndPort clusterNodeShowing(TestCertificates.Pair certificate) throws Exception {
        int port = freePort(true);
        start(port, List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
                "--cluster-node-timeout", "5000"), certificate);
        HostAndPort node = new HostAndPort("127.0.0.1", port);
        try (Jedis jedis = jedis(node)) {
            jedis.sendCommand(Protocol.Command.CLUSTER, "ADDSLOTSRANGE", "0", "16383");
        }
        await("cluster_state:ok on " + node, () -> {
            try (Jedis jedis = jedis(node)) {
                return jedis.clusterInfo().contains("cluster_state:ok");
            }
        });
        return node;
    }

    /** A new Cluster node that replicates the Cluster master {@code master}; returns it once it is online. */
    HostAndPort clusterReplica(HostAndPort master) throws Exception {
        int port = freePort(true);
        start(port, List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
                "--cluster-node-timeout", "5000"));
        String masterId;
        try (Jedis jedis = jedis(master)) {
            masterId = jedis.clusterMyId();
        }
        List<String> add = new ArrayList<>(List.of("redis-cli", "--cluster", "add-node", "127.0.0.1:" + port,
                master.toString(), "--cluster-slave", "--cluster-master-id", masterId));
        add.addAll(cliTls());
        redisCli(add, "cluster-add-" + port + ".log");
        await("replica " + port + " online at " + master, () -> {
            try (Jedis jedis = jedis(master)) {
                String replication = jedis.info("replication");
                return replication.contains("connected_slaves:1") && replication.contains("state=online");
            }
        });
        awaitAcknowledged(master);
        return new HostAndPort("127.0.0.1", port);
    }

    private void redisCli(List<String> command, String logName) throws Exception {
        File log = dir.resolve(logName).toFile();
        Process running = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        if (!running.waitFor(START_TIMEOUT_MS, TimeUnit.MILLISECONDS) || running.exitValue() != 0) {
            running.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log.toPath()));
        }
    }

    /** A master and one Sentinel monitoring it as {@code masterName}; returns the Sentinel's address. */
    HostAndPort sentinel(String masterName) throws Exception {
        return sentinel(masterName, true);
    }

    /**
     * A master and one Sentinel monitoring it as {@code masterName}; with TLS, {@code tlsPort} {@code false} gives
     * the Sentinel a plaintext port (it still reaches the master over TLS). Returns the Sentinel's address.
     */
    HostAndPort sentinel(String masterName, boolean tlsPort) throws Exception {
        return sentinel(masterName, tlsPort, tls == null ? null : tls.server, tls == null ? null : tls.server);
    }

    /**
     * With TLS: a master showing {@code masterCertificate} and a Sentinel on a TLS port showing
     * {@code sentinelCertificate} that monitors it as {@code masterName} (Redis checks only the CA between them,
     * never a host name). Returns the Sentinel's address.
     */
    HostAndPort sentinelShowing(String masterName, TestCertificates.Pair sentinelCertificate,
            TestCertificates.Pair masterCertificate) throws Exception {
        return sentinel(masterName, true, sentinelCertificate, masterCertificate);
    }

    private HostAndPort sentinel(String masterName, boolean tlsPort, TestCertificates.Pair sentinelCertificate,
            TestCertificates.Pair masterCertificate) throws Exception {
        int master = tls == null ? standalone() : standaloneShowing(masterCertificate);
        int port = freePort(false);
        Path conf = dir.resolve("sentinel-" + port + ".conf");
        Files.writeString(conf, sentinelHead(port, tlsPort, sentinelCertificate)
                + "sentinel monitor " + masterName + " 127.0.0.1 " + master + " 1\n"
                + "sentinel down-after-milliseconds " + masterName + " 5000\n");
        launch(port, List.of("redis-server", conf.toString(), "--sentinel"), tlsPort);
        HostAndPort sentinel = new HostAndPort("127.0.0.1", port);
        await("sentinel knows " + masterName, () -> {
            try (Jedis jedis = jedis(sentinel, tlsPort)) {
                return jedis.sentinelGetMasterAddrByName(masterName).size() == 2;
            }
        });
        return sentinel;
    }

    /** A master with one replica watched by three sentinels; see {@link #failoverSet}. */
    record FailoverSet(String masterName, int master, int replica, List<HostAndPort> sentinels) {
    }

    /**
     * A master, one replica ({@code --replicaof}) and three sentinels (quorum 2) that consider a server down
     * after {@code downAfterMillis} and give up a failover after {@code failoverTimeoutMillis}. Returns once every
     * sentinel knows the replica and the two other sentinels, i.e. once a failover can happen.
     */
    FailoverSet failoverSet(String masterName, long downAfterMillis, long failoverTimeoutMillis) throws Exception {
        int master = standalone();
        int replica = replicaOf(master);
        List<HostAndPort> sentinels = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int port = freePort(false);
            Path conf = dir.resolve("sentinel-" + port + ".conf");
            Files.writeString(conf, sentinelHead(port, true, tls == null ? null : tls.server)
                    + "sentinel monitor " + masterName + " 127.0.0.1 " + master + " 2\n"
                    + "sentinel down-after-milliseconds " + masterName + " " + downAfterMillis + "\n"
                    + "sentinel failover-timeout " + masterName + " " + failoverTimeoutMillis + "\n"
                    + "sentinel parallel-syncs " + masterName + " 1\n");
            launch(port, List.of("redis-server", conf.toString(), "--sentinel"));
            sentinels.add(new HostAndPort("127.0.0.1", port));
        }
        for (HostAndPort sentinel : sentinels) {
            await("sentinel " + sentinel + " sees the replica and two other sentinels", () -> {
                try (Jedis jedis = jedis(sentinel)) {
                    Map<String, String> state = jedis.sentinelMaster(masterName);
                    return "2".equals(state.get("num-other-sentinels")) && "1".equals(state.get("num-slaves"));
                }
            });
        }
        return new FailoverSet(masterName, master, replica, List.copyOf(sentinels));
    }

    /**
     * A new server replicating {@code master} ({@code --replicaof}); returns its port once it is in sync and
     * acknowledges the master's writes.
     */
    int replicaOf(int master) throws Exception {
        int replica = freePort(false);
        start(replica, List.of("--replicaof", "127.0.0.1", Integer.toString(master)));
        awaitInSync(replica);
        awaitAcknowledged(new HostAndPort("127.0.0.1", master));
        return replica;
    }

    /**
     * Waits until a write on {@code master} is acknowledged by a replica within 100 ms ({@code WAIT 1 100}): a
     * replica is in sync (and the master shows it online) up to a second before it sends its first
     * acknowledgement. On a Cluster master the write goes to a key of its own slots.
     */
    void awaitAcknowledged(HostAndPort master) {
        await("a replica of " + master + " acknowledges writes", () -> {
            try (Jedis jedis = jedis(master)) {
                for (int i = 0;; i++) {
                    try {
                        jedis.set("redis-servers:acknowledged:" + i, "1");
                        break;
                    } catch (redis.clients.jedis.exceptions.JedisMovedDataException another) {
                        // a Cluster slot of another master: try the next key
                    }
                }
                return jedis.waitReplicas(1, 100) >= 1;
            }
        });
    }

    /** Waits until the replica on {@code port} has its link to the master up (the initial sync done). */
    void awaitInSync(int port) {
        await("replica on " + port + " in sync", () -> {
            try (Jedis jedis = jedis(port)) {
                return jedis.info("replication").contains("master_link_status:up");
            }
        });
    }

    /** Starts a server on {@code port} (typically a killed master's) as a replica of {@code masterPort}. */
    void restartAsReplica(int port, int masterPort) throws Exception {
        start(port, List.of("--replicaof", "127.0.0.1", Integer.toString(masterPort)));
    }

    /** Kills the server on {@code port} with SIGKILL (no shutdown, no last replication) and waits for its end. */
    void kill(int port) throws InterruptedException {
        Process process = process(port);
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("redis-server on " + port + " survived SIGKILL");
        }
    }

    /** Freezes the server on {@code port} (SIGSTOP): it neither answers nor replicates until {@link #resume}. */
    void pause(int port) throws Exception {
        Process process = process(port);
        signal(process, "STOP");
        synchronized (processes) {
            paused.add(process);
        }
    }

    /** Lets a {@linkplain #pause paused} server run again (SIGCONT). */
    void resume(int port) throws Exception {
        Process process = process(port);
        signal(process, "CONT");
        synchronized (processes) {
            paused.remove(process);
        }
    }

    private Process process(int port) {
        synchronized (processes) {
            Process process = byPort.get(port);
            if (process == null) {
                throw new IllegalArgumentException("no server started on " + port);
            }
            return process;
        }
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            kill.destroyForcibly();
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** Stops the server on {@code port} (SHUTDOWN NOSAVE) and waits for its process to end. */
    void stop(int port) throws Exception {
        try (Jedis jedis = jedis(port)) {
            jedis.shutdown();
        } catch (RuntimeException expected) {
            // the connection drops when the server exits
        }
        await("server on " + port + " stopped", () -> {
            try (Jedis jedis = jedis(port)) {
                jedis.ping();
                return false;
            } catch (RuntimeException e) {
                return true;
            }
        });
    }

    private void start(int port, List<String> extra) throws Exception {
        start(port, extra, tls == null ? null : tls.server);
    }

    private void start(int port, List<String> extra, TestCertificates.Pair certificate) throws Exception {
        List<String> command = new ArrayList<>(List.of("redis-server"));
        if (tls == null) {
            command.addAll(List.of("--port", Integer.toString(port)));
        } else {
            command.addAll(List.of("--port", "0", "--tls-port", Integer.toString(port), "--tls-cert-file",
                    certificate.certificate().toString(), "--tls-key-file", certificate.key().toString(),
                    "--tls-ca-cert-file", tls.ca.toString(), "--tls-auth-clients", "yes", "--tls-replication", "yes"));
            if (extra.contains("--cluster-enabled")) {
                command.addAll(List.of("--tls-cluster", "yes"));
            }
        }
        command.addAll(List.of("--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                "--daemonize", "no",
                // a replica's full sync starts at once (Redis 7 waits 5 s by default to serve several together)
                "--repl-diskless-sync-delay", "0"));
        command.addAll(extra);
        launch(port, command);
    }

    /**
     * The first lines of a sentinel's configuration: its port, and TLS showing {@code certificate} when
     * {@code tlsPort}.
     */
    private String sentinelHead(int port, boolean tlsPort, TestCertificates.Pair certificate) {
        if (tls == null) {
            return "port " + port + "\nbind 127.0.0.1\ndir " + dir + "\n";
        }
        // the sentinel reaches the servers over TLS in any case (tls-replication); its own port may be plaintext
        return (tlsPort ? "port 0\ntls-port " + port : "port " + port) + "\nbind 127.0.0.1\ndir " + dir + "\n"
                + "tls-cert-file " + certificate.certificate() + "\ntls-key-file " + certificate.key() + "\n"
                + "tls-ca-cert-file " + tls.ca + "\ntls-auth-clients yes\ntls-replication yes\n";
    }

    /** {@code redis-cli}'s TLS arguments (none without TLS). */
    private List<String> cliTls() {
        return tls == null ? List.of() : List.of("--tls", "--cacert", tls.ca.toString(), "--cert",
                tls.client.certificate().toString(), "--key", tls.client.key().toString());
    }

    private void launch(int port, List<String> command) throws Exception {
        launch(port, command, true);
    }

    private void launch(int port, List<String> command, boolean tlsPort) throws Exception {
        File log = dir.resolve("redis-" + port + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        synchronized (processes) {
            processes.add(process);
            byPort.put(port, process);
        }
        try {
            await("redis-server on port " + port, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server on port " + port + " exited");
                }
                try (Jedis jedis = jedis(new HostAndPort("127.0.0.1", port), tlsPort)) {
                    return "PONG".equals(jedis.ping());
                } catch (RuntimeException e) {
                    return false;
                }
            });
        } catch (RuntimeException | AssertionError e) {
            throw new IllegalStateException(e.getMessage() + "; log:\n" + Files.readString(log.toPath()), e);
        }
    }

    private static synchronized int freePort(boolean withBus) {
        while (nextPort <= LAST_PORT) {
            int port = nextPort++;
            if (isFree(port) && (!withBus || isFree(port + 10000))) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FIRST_PORT + " and " + LAST_PORT
                + " (-Dredis.test.ports)");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + START_TIMEOUT_MS + " ms: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    private void stopAll() {
        synchronized (processes) {
            for (Process process : paused) {
                try {
                    signal(process, "CONT"); // a stopped process would not act on SIGTERM
                } catch (Exception e) {
                    process.destroyForcibly();
                }
            }
            paused.clear();
            for (Process process : processes) {
                process.destroy();
            }
            for (Process process : processes) {
                try {
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            processes.clear();
            byPort.clear();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }
}
