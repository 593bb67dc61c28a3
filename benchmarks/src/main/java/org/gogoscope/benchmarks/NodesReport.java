package org.gogoscope.benchmarks;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of a {@link NodesBenchmark} run: every run of every point, kept in plan order, written as JSON
 * (format {@value #FORMAT}, read back by {@link Charts}) and as a Markdown table beside it. Per point the
 * figure is the mean grants/s of its runs with their min and max; ours/ShedLock is the ratio of the two means
 * ± the two relative half-ranges added, times the ratio (a conservative bound in the style of {@link Table},
 * not a confidence interval).
 */
final class NodesReport {

    static final String FORMAT = "gogoscope-nodes/1";

    /** Mean, min, max and sample standard deviation of a point's grants/s; NaN when it has no run. */
    record Spread(int n, double mean, double min, double max, double stddev) {
        static Spread of(List<NodesRun> runs) {
            double[] v = runs.stream().mapToDouble(NodesRun::grantsPerSecond).toArray();
            if (v.length == 0) {
                return new Spread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double mean = Arrays.stream(v).average().orElseThrow();
            double squares = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
            return new Spread(v.length, mean, Arrays.stream(v).min().orElseThrow(),
                    Arrays.stream(v).max().orElseThrow(),
                    v.length > 1 ? Math.sqrt(squares / (v.length - 1)) : 0);
        }

        double relativeHalfRange() {
            return mean == 0 ? 0 : (max - min) / 2 / mean;
        }
    }

    /** A point's runs and the reasons of its failed runs. */
    private record Entry(List<NodesRun> runs, List<String> failures) {
        long grants() {
            return runs.stream().mapToLong(NodesRun::grants).sum();
        }

        long attempts() {
            return runs.stream().mapToLong(NodesRun::attempts).sum();
        }

        long errors() {
            return runs.stream().mapToLong(NodesRun::errors).sum();
        }
    }

    private final NodesOptions options;
    private final Instant started;
    private final Map<NodesPoint, Entry> entries = new LinkedHashMap<>();

    NodesReport(NodesOptions options, List<NodesPoint> plan, Instant started) {
        this.options = options;
        this.started = started;
        plan.forEach(p -> entries.put(p, new Entry(new ArrayList<>(), new ArrayList<>())));
    }

    void add(NodesPoint point, NodesRun run) {
        entries.get(point).runs().add(run);
    }

    void fail(NodesPoint point, String why) {
        entries.get(point).failures().add(why);
    }

    int failedRuns() {
        return entries.values().stream().mapToInt(e -> e.failures().size()).sum();
    }

    /** Writes {@code json} and the Markdown table beside it ({@code .md}); returns the table's path. */
    Path write(Path json) throws IOException {
        Path parent = json.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (Writer out = Files.newBufferedWriter(json); JsonWriter writer = Json.createWriterFactory(
                Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.writeObject(json());
        }
        Path md = markdownPath(json);
        Files.writeString(md, markdown());
        return md;
    }

    static Path markdownPath(Path json) {
        return json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", "") + ".md");
    }

    JsonObject json() {
        JsonObjectBuilder settings = Json.createObjectBuilder()
                .add("warmupSeconds", options.warmup().toMillis() / 1000.0)
                .add("measureSeconds", options.measure().toMillis() / 1000.0)
                .add("repeat", options.repeat())
                .add("childJvmOptions", Json.createArrayBuilder(NodeLauncher.CHILD_JVM_OPTIONS));
        JsonObjectBuilder pools = Json.createObjectBuilder();
        for (Contestant c : options.contestants()) {
            JsonObjectBuilder perBackend = Json.createObjectBuilder();
            options.backends().forEach(b -> perBackend.add(b.name(), c.pool(b)));
            pools.add(c.name(), perBackend);
        }
        JsonArrayBuilder points = Json.createArrayBuilder();
        entries.forEach((point, entry) -> {
            Spread s = Spread.of(entry.runs());
            JsonObjectBuilder spread = Json.createObjectBuilder().add("n", s.n());
            if (s.n() > 0) {
                spread.add("mean", s.mean()).add("min", s.min()).add("max", s.max()).add("stddev", s.stddev());
            }
            JsonArrayBuilder runs = Json.createArrayBuilder();
            for (NodesRun run : entry.runs()) {
                JsonObjectBuilder r = Json.createObjectBuilder().add("grantsPerSecond", run.grantsPerSecond())
                        .add("grants", run.grants()).add("attempts", run.attempts()).add("errors", run.errors())
                        .add("windowSeconds", run.windowSeconds());
                if (run.firstError() != null) {
                    r.add("firstError", run.firstError());
                }
                runs.add(r);
            }
            points.add(Json.createObjectBuilder().add("backend", point.backend().name())
                    .add("workload", point.workload().name()).add("contestant", point.contestant().name())
                    .add("threads", point.threads()).add("jvms", point.jvms())
                    .add("threadsPerJvm", point.threadsPerJvm()).add("grantsPerSecond", spread).add("runs", runs)
                    .add("failures", Json.createArrayBuilder(entry.failures())));
        });
        return Json.createObjectBuilder().add("format", FORMAT)
                .add("started", started.toString()).add("written", Instant.now().toString())
                .add("machine", Json.createObjectBuilder()
                        .add("cores", Runtime.getRuntime().availableProcessors())
                        .add("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"))
                        .add("os", System.getProperty("os.name") + " " + System.getProperty("os.version")))
                .add("settings", settings).add("pools", pools).add("points", points).build();
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Grants/s vs threads and JVMs: %s, warm-up %s s, measured %s s, %d run(s) "
                + "per point, each in fresh JVMs (%s). Machine: %d cores, Java %s.%n%n", started,
                seconds(options.warmup().toMillis()), seconds(options.measure().toMillis()), options.repeat(),
                String.join(" ", NodeLauncher.CHILD_JVM_OPTIONS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));
        out.append("grants/s: granted acquire + release per second, summed over all threads of all JVMs; mean of the "
                + "runs [min–max]. ours/ShedLock: ratio of the means ± the two relative half-ranges added. "
                + "tries/grant: tries per grant (hot key: a refused try is retried at once).\n\n");
        out.append("Pools, per JVM:\n\n");
        for (Contestant c : options.contestants()) {
            for (Backend b : options.backends()) {
                out.append("- ").append(c.label()).append(", ").append(b).append(": ").append(c.pool(b)).append('\n');
            }
        }
        for (Workload workload : options.workloads()) {
            out.append("\n### ").append(workload.label()).append("\n\n");
            out.append("| backend | threads | JVMs | ours grants/s | ShedLock grants/s | ours/ShedLock "
                    + "| ours tries/grant | ShedLock tries/grant | errors (ours / ShedLock) |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            entries.keySet().stream().filter(p -> p.workload() == workload && p.contestant() == options.contestants().get(0))
                    .forEach(p -> row(out, p));
        }
        List<String> failures = new ArrayList<>();
        entries.forEach((p, e) -> e.failures().forEach(f -> failures.add(p + ": " + f)));
        entries.forEach((p, e) -> e.runs().stream().filter(r -> r.firstError() != null).findFirst()
                .ifPresent(r -> failures.add(p + ": " + e.errors() + " tries threw, first: " + r.firstError())));
        if (!failures.isEmpty()) {
            out.append("\nFailed runs and errors:\n\n");
            failures.forEach(f -> out.append("- ").append(f).append('\n'));
        }
        return out.toString();
    }

    private void row(StringBuilder out, NodesPoint first) {
        Entry ours = entry(first, Contestant.ours);
        Entry shed = entry(first, Contestant.shedlock);
        out.append("| ").append(first.backend()).append(" | ").append(first.threads()).append(" | ")
                .append(first.jvms()).append(" | ").append(grants(ours)).append(" | ").append(grants(shed))
                .append(" | ").append(ratio(ours, shed)).append(" | ").append(triesPerGrant(ours)).append(" | ")
                .append(triesPerGrant(shed)).append(" | ").append(ours == null ? "-" : ours.errors()).append(" / ")
                .append(shed == null ? "-" : shed.errors()).append(" |\n");
    }

    private Entry entry(NodesPoint like, Contestant contestant) {
        return entries.get(new NodesPoint(like.backend(), like.workload(), like.threads(), like.jvms(), contestant));
    }

    private static String grants(Entry e) {
        if (e == null) {
            return "-";
        }
        Spread s = Spread.of(e.runs());
        String failed = e.failures().isEmpty() ? "" : " (" + e.failures().size() + " run(s) FAILED)";
        if (s.n() == 0) {
            return e.failures().isEmpty() ? "not run" : "FAILED";
        }
        return String.format(Locale.ROOT, "%,.0f [%,.0f–%,.0f]", s.mean(), s.min(), s.max()) + failed;
    }

    private static String ratio(Entry a, Entry b) {
        if (a == null || b == null) {
            return "-";
        }
        Spread x = Spread.of(a.runs());
        Spread y = Spread.of(b.runs());
        if (x.n() == 0 || y.n() == 0 || y.mean() == 0) {
            return "-";
        }
        double r = x.mean() / y.mean();
        return String.format(Locale.ROOT, "%.2f ± %.2f", r, r * (x.relativeHalfRange() + y.relativeHalfRange()));
    }

    private static String triesPerGrant(Entry e) {
        return e == null || e.grants() == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) e.attempts() / e.grants());
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0);
    }
}
