package org.gogoscope.demo.service;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the bootable JAR, started as an external process the way {@code run.sh} starts it: its own port
 * offset and node name, the shared SQLite file, output appended to {@code <dir>/<name>.log}.
 */
final class ServiceNode {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** How long a node may take to boot on a busy 2-core machine. */
    static final Duration BOOT = Duration.ofMinutes(4);

    private final String name;
    private final int portOffset;
    private final Path jar;
    private final Path dir;
    private final List<String> properties;
    private Process process;

    ServiceNode(String name, int portOffset, Path jar, Path dir, List<String> properties) {
        this.name = name;
        this.portOffset = portOffset;
        this.jar = jar;
        this.dir = dir;
        this.properties = List.copyOf(properties);
    }

    /**
     * Starts one node per port offset (named {@code node-a}, {@code node-b}, ...) on one SQLite file in a fresh
     * {@code target/<dirName>} (or {@code demo.it.dir}'s sibling of that name), with {@code properties}, and waits
     * until every one answers.
     */
    static List<ServiceNode> startCluster(String dirName, List<String> properties, int... offsets) throws Exception {
        Path jar = Path.of(System.getProperty("demo.jar", "target/gogoscope-demo-service-bootable.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("the bootable JAR (built by mvn package) is missing: " + jar);
        }
        Path dir = Path.of(System.getProperty("demo.it.dir", "target/it-nodes")).toAbsolutePath().resolveSibling(dirName);
        DemoHttp.deleteTree(dir);
        Files.createDirectories(dir);
        List<String> all = new ArrayList<>(List.of("-Ddemo.db=" + dir.resolve("demo.db")));
        all.addAll(properties);
        List<ServiceNode> nodes = new ArrayList<>();
        for (int offset : offsets) {
            try (ServerSocket probe = new ServerSocket(8080 + offset)) {
                probe.getLocalPort(); // free
            }
            ServiceNode node = new ServiceNode("node-" + (char) ('a' + nodes.size()), offset, jar, dir, all);
            node.start();
            nodes.add(node);
        }
        for (ServiceNode node : nodes) {
            node.awaitUp(BOOT);
        }
        return nodes;
    }

    String name() {
        return name;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + (8080 + portOffset) + path);
    }

    void start() throws IOException {
        Path tmp = Files.createDirectories(dir.resolve(name + "-tmp")); // the bootable JAR unpacks WildFly here
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-jar", jar.toString(),
                "-Djboss.socket.binding.port-offset=" + portOffset, "-Djboss.node.name=" + name));
        command.addAll(properties);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile())).start();
    }

    /** Waits until {@code GET /node} answers 200 with this node's name. */
    void awaitUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + dir.resolve(name + ".log"));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/node")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains(name)) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not answer GET /node within " + timeout + "; see " + dir.resolve(name + ".log"));
    }

    /** kill -9: no shutdown hook, no lock release, nothing flushed beyond what was committed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM (a clean WildFly shutdown), then kill -9 if it has not exited within 30 s. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
