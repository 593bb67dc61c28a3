package org.gogoscope.benchmarks;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grants/s as threads and nodes grow: {@code java -cp benchmarks.jar org.gogoscope.benchmarks.NodesBenchmark
 * [options]} (see {@link NodesOptions#USAGE}).
 *
 * <p>For every backend, workload (one hot key; one key per thread), total thread count T and JVM count N
 * (N ≤ T), and for ours and ShedLock one after the other, it starts N separate JVMs ({@link NodeChild}), each a
 * node with its own client and pool and T/N threads, starts them together, lets them warm up, and sums the
 * grants they count in the measured window into grants/s. Every point is run {@code --repeat} times in fresh
 * JVMs, the repeats one full pass over the points after the other (so that drift of the machine spreads over
 * all points instead of landing on one). After each run the JSON and the Markdown table are rewritten; at the
 * end {@link Charts} draws one PNG per backend beside them.
 *
 * <p>Before the first run each backend and contestant is opened once in this JVM (schema, ShedLock table) and
 * tried once: a server that is down fails its points there, loudly, without starting JVMs. MongoDB is the
 * in-process stand-in: this JVM runs the one server all nodes of all points connect to over loopback (for one
 * JVM as for four), unless {@code gogoscope.bench.mongodb.uri} names a server. A failed run is recorded and
 * reported, the other points go on, and the exit status is then 1.
 */
public final class NodesBenchmark {

    /** Per-run cost outside the warm-up and window (JVM start, pool open, stop), for the time estimate. */
    private static final Duration RUN_OVERHEAD_ESTIMATE = Duration.ofSeconds(3);

    /**
     * The MongoDB stand-in logs every error reply with its stack trace, and on a hot key every refused try is
     * one (duplicate key): thousands a second, formatted on the server's threads, which share the cores with the
     * nodes. The nodes see the same errors as replies and count any they do not expect, so the log is off here
     * unless this property is given.
     */
    private static final String STAND_IN_ERROR_LOG =
            "org.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire.MongoWireProtocolHandler";

    private NodesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (System.getProperty(STAND_IN_ERROR_LOG) == null) {
            System.setProperty(STAND_IN_ERROR_LOG, "off");
        }
        NodesOptions options;
        try {
            options = NodesOptions.parse(args);
        } catch (NodesOptions.InvalidOption e) {
            System.err.println(e.getMessage() + " (--help lists the options)");
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(NodesOptions.USAGE);
            return;
        }
        System.exit(run(options) ? 0 : 1);
    }

    /** @return whether every run produced a figure */
    static boolean run(NodesOptions options) throws Exception {
        List<NodesPoint> plan = NodesPoint.plan(options);
        if (plan.isEmpty()) {
            throw new NodesOptions.InvalidOption("--jvms", "no JVM count is at most a thread count (--threads)");
        }
        int runs = plan.size() * options.repeat();
        Duration perRun = options.warmup().plus(options.measure()).plus(RUN_OVERHEAD_ESTIMATE);
        System.out.printf(Locale.ROOT, "%d points × %d repeat(s) = %d runs, about %d min%n", plan.size(),
                options.repeat(), runs, Math.round(perRun.toMillis() * (double) runs / 60_000));
        NodeLauncher launcher = new NodeLauncher(childProperties(options));
        Map<Backend, Map<Contestant, String>> unusable = prepare(options);
        NodesReport report = new NodesReport(options, plan, Instant.now());
        Path out = options.out();
        int done = 0;
        for (int repeat = 1; repeat <= options.repeat(); repeat++) {
            for (NodesPoint point : plan) {
                done++;
                String where = String.format(Locale.ROOT, "[%d/%d] %s", done, runs, point);
                String why = unusable.getOrDefault(point.backend(), Map.of()).get(point.contestant());
                if (why != null) {
                    report.fail(point, why);
                    System.err.println(where + ": FAILED, " + why);
                    continue;
                }
                try {
                    NodesRun run = launcher.run(point, options.warmup(), options.measure());
                    report.add(point, run);
                    System.out.printf(Locale.ROOT, "%s: %,.0f grants/s, %.2f tries/grant%s%n", where,
                            run.grantsPerSecond(), run.grants() == 0 ? Double.NaN : (double) run.attempts() / run.grants(),
                            run.errors() == 0 ? "" : ", " + run.errors() + " tries threw (" + run.firstError() + ")");
                } catch (NodeLauncher.NodeFailure e) {
                    report.fail(point, e.getMessage());
                    System.err.println(where + ": FAILED, " + e.getMessage());
                    System.err.println("waiting " + LockSubject.TTL.toSeconds() + " s for the locks the killed nodes "
                            + "may hold to expire, so that they do not starve the next runs");
                    Thread.sleep(LockSubject.TTL.toMillis());
                }
                report.write(out);
            }
        }
        Path md = report.write(out);
        List<Path> charts = Charts.write(out);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("JSON: " + out.toAbsolutePath() + "\nTable: " + md.toAbsolutePath());
        charts.forEach(c -> System.out.println("Chart: " + c.toAbsolutePath()));
        if (report.failedRuns() > 0) {
            System.err.println(report.failedRuns() + " run(s) FAILED; see the table");
            return false;
        }
        return true;
    }

    /**
     * What every node JVM gets: the {@code gogoscope.bench.*} and logging properties of this JVM, the SQLite file
     * as an absolute path, and the URI of the MongoDB stand-in this JVM starts when MongoDB is measured.
     */
    private static Map<String, String> childProperties(NodesOptions options) {
        Map<String, String> properties = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("gogoscope.bench.") || k.startsWith("org.slf4j.")).sorted()
                .forEach(k -> properties.put(k, System.getProperty(k)));
        properties.put("gogoscope.bench.sqlite.file", new File(Servers.SQLITE_FILE).getAbsolutePath());
        if (options.backends().contains(Backend.mongodb)) {
            properties.put(Servers.MONGO_URI_PROPERTY, Servers.mongoUri());
        }
        return properties;
    }

    /**
     * Opens every backend and contestant once here and tries one lock of each workload: creates what the nodes
     * need (tables) before several JVMs would race to, and finds a server that is down before any JVM starts.
     *
     * @return per backend and contestant, why it cannot be measured
     */
    private static Map<Backend, Map<Contestant, String>> prepare(NodesOptions options) {
        Map<Backend, Map<Contestant, String>> unusable = new EnumMap<>(Backend.class);
        for (Backend backend : options.backends()) {
            for (Contestant contestant : options.contestants()) {
                List<AutoCloseable> resources = new ArrayList<>();
                try {
                    LockSubject subject = contestant.open(backend, resources);
                    for (Workload workload : options.workloads()) {
                        String key = workload.key(0, 0, 1);
                        if (!subject.acquireRelease(key)) {
                            throw new IllegalStateException(key + " is held by someone else (a run still going, "
                                    + "or one killed less than " + LockSubject.TTL.toSeconds() + " s ago)");
                        }
                    }
                } catch (RuntimeException e) {
                    String why = "cannot open " + contestant.label() + " on " + backend + ": " + e;
                    System.err.println(why);
                    e.printStackTrace();
                    unusable.computeIfAbsent(backend, b -> new EnumMap<>(Contestant.class)).put(contestant, why);
                } finally {
                    NodeChild.closeAll(resources);
                }
            }
        }
        return unusable;
    }
}
