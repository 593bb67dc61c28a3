package org.gogoscope.redis;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Throwaway redis-server processes on loopback for tests: standalone, a three-master Cluster and a master with
 * one Sentinel. Ports are searched from 7100 upwards (a cluster node also needs port + 10000). Start-up is
 * bounded; a server that does not come up fails the test with its log. {@link #close()} stops everything.
 */
final class RedisServers implements AutoCloseable {

    private static final long START_TIMEOUT_MS = 30_000;
    private static int nextPort = 7100;

    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final Thread cleanup = new Thread(this::stopAll, "redis-servers-cleanup");

    RedisServers() throws IOException {
        dir = Files.createTempDirectory("gogoscope-redis-");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** A standalone server; returns its port. */
    int standalone() throws Exception {
        int port = freePort(false);
        start(port, List.of());
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
        File log = dir.resolve("cluster-create.log").toFile();
        Process creating = new ProcessBuilder(create).redirectErrorStream(true).redirectOutput(log).start();
        if (!creating.waitFor(START_TIMEOUT_MS, TimeUnit.MILLISECONDS) || creating.exitValue() != 0) {
            creating.destroyForcibly();
            throw new IllegalStateException("redis-cli --cluster create failed:\n" + Files.readString(log.toPath()));
        }
        for (HostAndPort node : nodes) {
            await("cluster_state:ok on " + node, () -> {
                try (Jedis jedis = new Jedis(node)) {
                    return jedis.clusterInfo().contains("cluster_state:ok");
                }
            });
        }
        return nodes;
    }

    /** A master and one Sentinel monitoring it as {@code masterName}; returns the Sentinel's address. */
    HostAndPort sentinel(String masterName) throws Exception {
        int master = standalone();
        int port = freePort(false);
        Path conf = dir.resolve("sentinel-" + port + ".conf");
        Files.writeString(conf, "port " + port + "\nbind 127.0.0.1\ndir " + dir + "\n"
                + "sentinel monitor " + masterName + " 127.0.0.1 " + master + " 1\n"
                + "sentinel down-after-milliseconds " + masterName + " 5000\n");
        launch(port, List.of("redis-server", conf.toString(), "--sentinel"));
        HostAndPort sentinel = new HostAndPort("127.0.0.1", port);
        await("sentinel knows " + masterName, () -> {
            try (Jedis jedis = new Jedis(sentinel)) {
                return jedis.sentinelGetMasterAddrByName(masterName).size() == 2;
            }
        });
        return sentinel;
    }

    /** Stops the server on {@code port} (SHUTDOWN NOSAVE) and waits for its process to end. */
    void stop(int port) throws Exception {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.shutdown();
        } catch (RuntimeException expected) {
            // the connection drops when the server exits
        }
        await("server on " + port + " stopped", () -> {
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                jedis.ping();
                return false;
            } catch (RuntimeException e) {
                return true;
            }
        });
    }

    private void start(int port, List<String> extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no"));
        command.addAll(extra);
        launch(port, command);
    }

    private void launch(int port, List<String> command) throws Exception {
        File log = dir.resolve("redis-" + port + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        synchronized (processes) {
            processes.add(process);
        }
        try {
            await("redis-server on port " + port, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server on port " + port + " exited");
                }
                try (Jedis jedis = new Jedis("127.0.0.1", port)) {
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
        while (nextPort < 7900) {
            int port = nextPort++;
            if (isFree(port) && (!withBus || isFree(port + 10000))) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between 7100 and 7900");
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
