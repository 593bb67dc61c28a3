package org.gogoscope.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The parent's side of a {@link NodesBenchmark} run: starts one {@link NodeChild} JVM per node (the same java
 * binary and class path as this JVM, the {@code gogoscope.bench.*} properties handed on), waits until every one
 * is READY, sends them one GO with the shared start, window start and window end, and sums what they counted.
 * A node that fails, exits early or does not answer in time fails the whole run ({@link NodeFailure}); its JVMs
 * are then killed. The children's stderr goes to this JVM's stderr.
 */
final class NodeLauncher {

    /** The heap of each node, as the JMH forks of the lock benchmarks have it. */
    static final List<String> CHILD_JVM_OPTIONS = List.of("-Xms512m", "-Xmx1g");

    /** Time between GO and the start it names, so that every node has read it before. */
    private static final long GO_LEAD_MILLIS = 300;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration RESULT_GRACE = Duration.ofSeconds(60);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "nodes-kill"));
    }

    /** A run that produced no figure; the message says which node and why. */
    static final class NodeFailure extends Exception {
        NodeFailure(String message) {
            super(message);
        }
    }

    private final List<String> command;

    /** @param properties system properties for every child ({@code -Dkey=value}) */
    NodeLauncher(Map<String, String> properties) {
        command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CHILD_JVM_OPTIONS);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(NodeChild.class.getName());
    }

    /** A protocol line of node {@code node}; {@code text} null = its stdout ended. */
    private record Line(int node, String text) {
    }

    NodesRun run(NodesPoint point, Duration warmup, Duration measure) throws NodeFailure {
        List<Process> processes = new ArrayList<>();
        BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
        try {
            for (int node = 0; node < point.jvms(); node++) {
                processes.add(start(point, node, lines));
            }
            int ready = 0;
            long readyDeadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (ready < point.jvms()) {
                Line line = next(lines, readyDeadline, "READY", processes);
                if (NodeChild.READY.equals(line.text())) {
                    ready++;
                } else {
                    throw failure(line, processes);
                }
            }
            long start = System.currentTimeMillis() + GO_LEAD_MILLIS;
            long from = start + warmup.toMillis();
            long to = from + measure.toMillis();
            for (Process process : processes) {
                Writer stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
                stdin.write(NodeChild.GO + " " + start + " " + from + " " + to + "\n");
                stdin.flush();
            }
            return collect(point, processes, lines, System.nanoTime()
                    + TimeUnit.MILLISECONDS.toNanos(to - System.currentTimeMillis()) + RESULT_GRACE.toNanos());
        } catch (IOException e) {
            throw new NodeFailure("cannot start or talk to a node JVM: " + e);
        } finally {
            for (Process process : processes) {
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
                LIVE.remove(process);
            }
        }
    }

    private Process start(NodesPoint point, int node, BlockingQueue<Line> lines) throws IOException {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of(point.backend().name(), point.contestant().name(), point.workload().name(),
                String.valueOf(point.threadsPerJvm()), String.valueOf(node)));
        Process process = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        LIVE.add(process);
        Thread reader = new Thread(() -> read(process, node, lines), "node" + node + "-stdout");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    /** Protocol lines to the queue, anything else to this JVM's stdout. */
    private static void read(Process process, int node, BlockingQueue<Line> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                if (text.startsWith(NodeChild.PREFIX)) {
                    lines.add(new Line(node, text));
                } else {
                    System.out.println("[node " + node + "] " + text);
                }
            }
        } catch (IOException e) {
            System.err.println("[node " + node + "] stdout: " + e);
        }
        lines.add(new Line(node, null));
    }

    /** Reads every node's RESULT (and ERROR, if any) until all stdouts end, then the exit statuses. */
    private NodesRun collect(NodesPoint point, List<Process> processes, BlockingQueue<Line> lines, long deadline)
            throws NodeFailure {
        int n = processes.size();
        long[][] results = new long[n][];
        String[] errors = new String[n];
        int ended = 0;
        while (ended < n) {
            Line line = next(lines, deadline, "RESULT", processes);
            if (line.text() == null) {
                ended++;
            } else if (line.text().startsWith(NodeChild.RESULT + " ")) {
                results[line.node()] = parse(line);
            } else if (line.text().startsWith(NodeChild.ERROR + " ")) {
                errors[line.node()] = line.text().substring(NodeChild.ERROR.length() + 1);
            } else {
                throw new NodeFailure("node " + line.node() + " said '" + line.text() + "' instead of RESULT");
            }
        }
        for (int node = 0; node < n; node++) {
            int status = exitStatus(processes.get(node), node);
            if (results[node] == null || status != 0) {
                throw new NodeFailure("node " + node + " of " + point + " failed (exit status " + status + ")"
                        + (errors[node] == null ? "" : ": " + errors[node]));
            }
        }
        double rate = 0;
        double window = 0;
        long grants = 0;
        long attempts = 0;
        long failed = 0;
        String firstError = null;
        for (int node = 0; node < n; node++) {
            long[] r = results[node];
            double seconds = r[3] / 1e9;
            rate += r[0] / seconds;
            window += seconds / n;
            grants += r[0];
            attempts += r[1];
            failed += r[2];
            if (firstError == null && errors[node] != null) {
                firstError = "node " + node + ": " + errors[node];
            }
        }
        return new NodesRun(rate, grants, attempts, failed, window, firstError);
    }

    private static long[] parse(Line line) throws NodeFailure {
        String[] parts = line.text().split(" ");
        if (parts.length != 6) {
            throw new NodeFailure("node " + line.node() + ": malformed result '" + line.text() + "'");
        }
        long[] values = new long[4];
        for (int i = 0; i < 4; i++) {
            values[i] = Long.parseLong(parts[i + 2]);
        }
        if (values[3] <= 0) {
            throw new NodeFailure("node " + line.node() + ": empty measured window");
        }
        return values;
    }

    private static Line next(BlockingQueue<Line> lines, long deadline, String awaited, List<Process> processes)
            throws NodeFailure {
        try {
            Line line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new NodeFailure("no " + awaited + " from every node in time (" + processes.size() + " JVMs)");
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeFailure("interrupted while waiting for " + awaited);
        }
    }

    private static NodeFailure failure(Line line, List<Process> processes) {
        if (line.text() == null) {
            return new NodeFailure("node " + line.node() + " exited before READY (exit status "
                    + exitStatus(processes.get(line.node()), line.node()) + "; its stderr is above)");
        }
        return new NodeFailure("node " + line.node() + ": " + line.text().substring(NodeChild.PREFIX.length()));
    }

    private static int exitStatus(Process process, int node) {
        try {
            if (process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            System.err.println("node " + node + " did not exit within " + EXIT_TIMEOUT.toSeconds() + " s; killed");
            process.destroyForcibly();
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
