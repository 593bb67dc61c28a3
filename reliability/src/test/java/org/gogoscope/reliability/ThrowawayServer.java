package org.gogoscope.reliability;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.gogoscope.api.PersistenceAdapter;

/**
 * A database server of the test's own, in a temporary directory, on a free loopback port away from the shared
 * servers (5432 / 3306 / 6379 are never touched). {@link #crash()} stops it abruptly (no clean shutdown);
 * {@link #start()} starts it again on the same port and data. {@link #close()} stops it and deletes the data.
 * A JVM shutdown hook stops it too if a test dies half-way.
 */
abstract class ThrowawayServer implements AutoCloseable {

    static final long START_TIMEOUT_MS = 60_000;
    private static int nextPort = 17600;

    final Path dir;
    final int port;
    private final Thread cleanup = new Thread(this::destroy, getClass().getSimpleName() + "-cleanup");

    ThrowawayServer(String owner) throws IOException {
        dir = Files.createTempDirectory("gogoscope-reliability-");
        if (owner != null) {
            UserPrincipal user = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(owner);
            Files.setOwner(dir, user);
        }
        port = freePort();
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** The backend's configuration name. */
    abstract String backend();

    /** Starts (or restarts) the server and returns once it accepts clients. */
    abstract void start() throws Exception;

    /** Stops the server abruptly, as a crash would, and returns once it is gone. */
    abstract void crash() throws Exception;

    /** A new, unconnected adapter on this server with {@code timeout} and a pool of {@code poolSize}. */
    abstract PersistenceAdapter adapter(String prefix, java.time.Duration timeout, int poolSize);

    /** Client connections the server currently has, not counting the one used to ask. */
    abstract int clientConnections() throws Exception;

    /** Stops the server if running and releases everything. */
    abstract void stop();

    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException ignored) {
            // JVM already shutting down
        }
    }

    private void destroy() {
        try {
            stop();
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }

    /** Runs {@code command} to completion (bounded), failing with its output otherwise. */
    void run(List<String> command) throws Exception {
        File log = dir.resolve("command.log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        if (!process.waitFor(START_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command + "\n" + Files.readString(log.toPath()));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + ": " + command + "\n"
                    + Files.readString(log.toPath()));
        }
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + START_TIMEOUT_MS + " ms: " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static synchronized int freePort() {
        while (nextPort < 17999) {
            int port = nextPort++;
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between 17600 and 17999");
    }
}
