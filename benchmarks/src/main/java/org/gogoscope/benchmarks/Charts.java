package org.gogoscope.benchmarks;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * PNG charts beside a result JSON, drawn with JFreeChart in a headless JVM (no display, no browser):
 * {@code java -cp benchmarks.jar org.gogoscope.benchmarks.Charts <json>...}. Two inputs are understood:
 * <ul>
 * <li>a {@link NodesBenchmark} result ({@value NodesReport#FORMAT}): per backend one PNG
 * {@code <name>-<backend>.png} with a panel per workload (hot key, distinct keys): grants/s against the total
 * thread count (log 2 scale), one line per contestant and JVM count (colour = contestant, dash = JVMs); the dots
 * are the mean of the runs, the bars their min and max;</li>
 * <li>JMH's JSON of a run with the parameters {@code backend} and {@code size} (as {@code ScaleBenchmarks}):
 * per benchmark method one PNG {@code <name>-<Class.method>.png}, the score (µs/call for ScaleBenchmarks)
 * against the size (log 10 scale), one line per backend, bars ± JMH's error. Benchmarks without those two
 * parameters are left out and named on stdout.</li>
 * </ul>
 */
public final class Charts {

    private static final int PANEL_WIDTH = 800;
    private static final int HEIGHT = 560;
    private static final Color[] CONTESTANT_COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e)};
    private static final Color[] BACKEND_COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd)};
    /** Sideways shift between neighbouring points at one thread count, in octaves of the thread axis. */
    private static final double NUDGE_OCTAVES = 0.05;
    private static final float[][] DASHES = {null, {8f, 5f}, {2f, 4f}, {12f, 4f, 2f, 4f}};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: java -cp benchmarks.jar org.gogoscope.benchmarks.Charts <nodes-or-jmh-json>...");
            System.exit(2);
        }
        int status = 0;
        for (String arg : args) {
            try {
                write(Path.of(arg)).forEach(png -> System.out.println(png.toAbsolutePath()));
            } catch (IOException | RuntimeException e) {
                System.err.println(arg + ": " + e.getMessage());
                status = 1;
            }
        }
        System.exit(status);
    }

    /** Draws the charts of {@code json} beside it; returns the PNGs written. */
    static List<Path> write(Path json) throws IOException {
        JsonStructure root;
        try (Reader in = Files.newBufferedReader(json); JsonReader reader = Json.createReader(in)) {
            root = reader.read();
        }
        if (root instanceof JsonObject o && NodesReport.FORMAT.equals(o.getString("format", null))) {
            return nodes(json, o);
        }
        if (root instanceof JsonObject o && ChurnMeasurement.FORMAT.equals(o.getString("format", null))) {
            return churn(json, o);
        }
        if (root instanceof JsonArray a) {
            return jmh(json, a);
        }
        throw new IllegalArgumentException("neither a NodesBenchmark result (\"format\": \"" + NodesReport.FORMAT
                + "\"), a ChurnMeasurement result (\"" + ChurnMeasurement.FORMAT
                + "\") nor JMH's JSON (an array of results)");
    }

    // ---- ChurnMeasurement ----

    /** Per backend one PNG: records stored under the run's prefix against time, one line per kind. */
    private static List<Path> churn(Path json, JsonObject root) throws IOException {
        List<Path> written = new ArrayList<>();
        for (JsonObject run : root.getJsonArray("runs").getValuesAs(JsonObject.class)) {
            Map<String, YIntervalSeries> byKind = new LinkedHashMap<>();
            for (JsonObject sample : run.getJsonArray("samples").getValuesAs(JsonObject.class)) {
                double seconds = number(sample.get("seconds"));
                for (var kind : sample.getJsonObject("stored").entrySet()) {
                    double count = number(kind.getValue());
                    byKind.computeIfAbsent(kind.getKey(), YIntervalSeries::new).add(seconds, count, count, count);
                }
            }
            Lines lines = new Lines();
            for (YIntervalSeries series : byKind.values()) {
                lines.add(series, BACKEND_COLOURS[lines.size() % BACKEND_COLOURS.length], stroke(0),
                        shape(lines.size()));
            }
            String backend = run.getString("backend");
            NumberAxis x = new NumberAxis("seconds since the churn started");
            NumberAxis y = new NumberAxis("records stored under the run's prefix (expired or not)");
            String subtitle = String.format(Locale.ROOT, "%,d distinct keys per kind, TTL %d ms, %d threads; churn "
                    + "ended at %.0f s", run.getInt("keys"), run.getInt("ttlMillis"), run.getInt("threads"),
                    number(run.get("churnSeconds")));
            JFreeChart chart = chart(backend + ": what stays stored under a churn", subtitle, lines, x, y);
            Path png = beside(json, backend);
            savePanels(List.of(chart), png);
            written.add(png);
        }
        return written;
    }

    // ---- NodesBenchmark ----

    private static List<Path> nodes(Path json, JsonObject root) throws IOException {
        Map<String, Map<String, List<JsonObject>>> byBackend = new LinkedHashMap<>();
        for (JsonObject point : root.getJsonArray("points").getValuesAs(JsonObject.class)) {
            byBackend.computeIfAbsent(point.getString("backend"), b -> new LinkedHashMap<>())
                    .computeIfAbsent(point.getString("workload"), w -> new ArrayList<>()).add(point);
        }
        JsonObject settings = root.getJsonObject("settings");
        String subtitle = String.format(Locale.ROOT, "mean of %d run(s), bars min–max, points of one thread count "
                + "nudged apart; %s s warm-up, %s s measured", settings.getInt("repeat"),
                number(settings.get("warmupSeconds")), number(settings.get("measureSeconds")));
        List<Path> written = new ArrayList<>();
        for (var backend : byBackend.entrySet()) {
            boolean measured = backend.getValue().values().stream().flatMap(List::stream)
                    .anyMatch(p -> p.getJsonObject("grantsPerSecond").getInt("n") > 0);
            if (!measured) {
                System.out.println("Charts: " + backend.getKey() + " has no measured point, not drawn");
                continue;
            }
            List<JFreeChart> panels = new ArrayList<>();
            for (var workload : backend.getValue().entrySet()) {
                panels.add(nodesPanel(backend.getKey() + ": " + label(workload.getKey()), subtitle,
                        workload.getValue()));
            }
            Path png = beside(json, backend.getKey());
            savePanels(panels, png);
            written.add(png);
        }
        return written;
    }

    private static String label(String workload) {
        try {
            return Workload.valueOf(workload).label();
        } catch (IllegalArgumentException e) {
            return workload;
        }
    }

    /**
     * One line per contestant and JVM count. The points at one thread count are nudged sideways a little (a few
     * pixels, ordered by JVM count and then contestant) so that their bars do not hide each other.
     */
    private static JFreeChart nodesPanel(String title, String subtitle, List<JsonObject> points) {
        List<String> contestants = points.stream().map(p -> p.getString("contestant")).distinct()
                .sorted(Comparator.comparingInt(Charts::contestantIndex)).toList();
        List<Integer> jvmCounts = points.stream().map(p -> p.getInt("jvms")).distinct().sorted().toList();
        Lines lines = new Lines();
        double minX = Double.MAX_VALUE;
        double maxX = 0;
        for (String contestant : contestants) {
            for (int j = 0; j < jvmCounts.size(); j++) {
                int jvms = jvmCounts.get(j);
                YIntervalSeries s = new YIntervalSeries(contestantLabel(contestant) + ", " + jvms + " JVM"
                        + (jvms == 1 ? "" : "s"));
                for (JsonObject p : points) {
                    JsonObject g = p.getJsonObject("grantsPerSecond");
                    if (!p.getString("contestant").equals(contestant) || p.getInt("jvms") != jvms || g.getInt("n") == 0) {
                        continue; // another line, or a failed point (the table says so)
                    }
                    int threads = p.getInt("threads");
                    s.add(threads * nudge(p, points), g.getJsonNumber("mean").doubleValue(), g.getJsonNumber("min").doubleValue(),
                            g.getJsonNumber("max").doubleValue());
                    minX = Math.min(minX, threads);
                    maxX = Math.max(maxX, threads);
                }
                if (s.getItemCount() == 0) {
                    continue;
                }
                lines.add(s, CONTESTANT_COLOURS[Math.min(contestants.indexOf(contestant),
                        CONTESTANT_COLOURS.length - 1)], stroke(j), shape(j));
            }
        }
        if (lines.size() == 0) {
            minX = 1;
            maxX = 64;
        }
        LogAxis x = logAxis("threads in total, over all JVMs (log scale)", 2, minX, maxX);
        NumberAxis y = new NumberAxis("grants/s");
        y.setAutoRangeIncludesZero(true);
        return chart(title, subtitle, lines, x, y);
    }

    /** The factor that moves {@code point} to its slot among the measured points of its thread count. */
    private static double nudge(JsonObject point, List<JsonObject> points) {
        Comparator<JsonObject> slotOrder = Comparator.<JsonObject>comparingInt(p -> p.getInt("jvms"))
                .thenComparingInt(p -> contestantIndex(p.getString("contestant")));
        List<JsonObject> slots = points.stream()
                .filter(p -> p.getInt("threads") == point.getInt("threads"))
                .filter(p -> p.getJsonObject("grantsPerSecond").getInt("n") > 0)
                .sorted(slotOrder).toList();
        double slot = slots.indexOf(point);
        return Math.pow(2, (slot - (slots.size() - 1) / 2.0) * NUDGE_OCTAVES);
    }

    private static int contestantIndex(String contestant) {
        return ordinal(Contestant.class, contestant);
    }

    /** The position of constant {@code name} of {@code type}, or one past the last for an unknown name. */
    private static <E extends Enum<E>> int ordinal(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name).ordinal();
        } catch (IllegalArgumentException e) {
            return type.getEnumConstants().length;
        }
    }

    private static String contestantLabel(String contestant) {
        try {
            return Contestant.valueOf(contestant).label();
        } catch (IllegalArgumentException e) {
            return contestant;
        }
    }

    // ---- JMH (ScaleBenchmarks) ----

    private static List<Path> jmh(Path json, JsonArray results) throws IOException {
        Map<String, Map<String, YIntervalSeries>> byBenchmark = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        Set<String> skipped = new LinkedHashSet<>();
        for (JsonObject result : results.getValuesAs(JsonObject.class)) {
            String benchmark = result.getString("benchmark");
            String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            JsonObject params = result.getJsonObject("params");
            if (params == null || !params.containsKey("backend") || !params.containsKey("size")) {
                skipped.add(name);
                continue;
            }
            JsonObject metric = result.getJsonObject("primaryMetric");
            double score = number(metric.get("score"));
            double error = number(metric.get("scoreError"));
            double half = Double.isNaN(error) ? 0 : error;
            String backend = params.getString("backend");
            byBenchmark.computeIfAbsent(name, n -> new TreeMap<>(Charts::byBackendOrder))
                    .computeIfAbsent(backend, YIntervalSeries::new)
                    .add(Double.parseDouble(params.getString("size")), score, score - half, score + half);
            units.put(name, metric.getString("scoreUnit", ""));
        }
        if (!skipped.isEmpty()) {
            System.out.println("Charts: no backend and size parameters, not drawn: " + String.join(", ", skipped));
        }
        if (byBenchmark.isEmpty()) {
            throw new IllegalArgumentException("no JMH result with the parameters backend and size "
                    + "(ScaleBenchmarks) to draw");
        }
        List<Path> written = new ArrayList<>();
        for (var benchmark : byBenchmark.entrySet()) {
            Lines lines = new Lines();
            double minX = Double.MAX_VALUE;
            double maxX = 0;
            for (var s : benchmark.getValue().entrySet()) {
                lines.add(s.getValue(), backendColour(s.getKey()), stroke(0), shape(lines.size()));
                minX = Math.min(minX, s.getValue().getX(0).doubleValue());
                maxX = Math.max(maxX, s.getValue().getX(s.getValue().getItemCount() - 1).doubleValue());
            }
            String unit = units.get(benchmark.getKey());
            NumberAxis y = new NumberAxis(unit.equals("us/op") ? "µs/call" : unit);
            y.setAutoRangeIncludesZero(true);
            JFreeChart chart = chart(benchmark.getKey() + ": cost vs size", "one line per backend, bars ± JMH's "
                    + "99.9 % error", lines, logAxis("entries (log scale)", 10, minX, maxX), y);
            Path png = beside(json, benchmark.getKey());
            savePanels(List.of(chart), png);
            written.add(png);
        }
        return written;
    }

    private static int byBackendOrder(String a, String b) {
        return Integer.compare(backendIndex(a), backendIndex(b)) != 0
                ? Integer.compare(backendIndex(a), backendIndex(b)) : a.compareTo(b);
    }

    private static int backendIndex(String backend) {
        return ordinal(Backend.class, backend);
    }

    private static Color backendColour(String backend) {
        return BACKEND_COLOURS[Math.min(backendIndex(backend), BACKEND_COLOURS.length - 1)];
    }

    // ---- drawing ----

    /** The lines of one chart, each with its colour, dash and point shape. */
    private static final class Lines {
        final YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        final List<Paint> paints = new ArrayList<>();
        final List<Stroke> strokes = new ArrayList<>();
        final List<Shape> shapes = new ArrayList<>();

        void add(YIntervalSeries series, Paint paint, Stroke stroke, Shape shape) {
            data.addSeries(series);
            paints.add(paint);
            strokes.add(stroke);
            shapes.add(shape);
        }

        int size() {
            return paints.size();
        }
    }

    private static JFreeChart chart(String title, String subtitle, Lines lines, org.jfree.chart.axis.ValueAxis x,
            NumberAxis y) {
        List<Paint> paints = lines.paints;
        List<Stroke> strokes = lines.strokes;
        List<Shape> shapes = lines.shapes;
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setCapLength(6);
        renderer.setErrorStroke(new BasicStroke(1.5f));
        for (int i = 0; i < paints.size(); i++) {
            renderer.setSeriesPaint(i, paints.get(i));
            renderer.setSeriesStroke(i, strokes.get(i));
            renderer.setSeriesShape(i, shapes.get(i));
        }
        XYPlot plot = new XYPlot(lines.data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.addSubtitle(new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** A log axis with a labelled tick at every power of {@code base}, values written in full (1,000 not 10³). */
    private static LogAxis logAxis(String label, double base, double min, double max) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(base);
        axis.setSmallestValue(Math.min(min, 1) / 2);
        axis.setTickUnit(new NumberTickUnit(1), false, false);
        axis.setAutoTickUnitSelection(false);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        double margin = Math.pow(base, 0.25);
        axis.setRange(min / margin, max * margin);
        axis.setMinorTickCount(0);
        return axis;
    }

    private static Stroke stroke(int index) {
        float[] dash = DASHES[index % DASHES.length];
        return dash == null ? new BasicStroke(2f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    private static Shape shape(int index) {
        double r = 4;
        return switch (index % 3) {
            case 0 -> new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            case 1 -> new Rectangle2D.Double(-r, -r, 2 * r, 2 * r);
            default -> {
                Path2D triangle = new Path2D.Double();
                triangle.moveTo(0, -r - 1);
                triangle.lineTo(r + 1, r);
                triangle.lineTo(-r - 1, r);
                triangle.closePath();
                yield triangle;
            }
        };
    }

    /** The charts side by side in one PNG. */
    private static void savePanels(List<JFreeChart> panels, Path png) throws IOException {
        BufferedImage image = new BufferedImage(PANEL_WIDTH * panels.size(), HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < panels.size(); i++) {
                panels.get(i).draw(g, new Rectangle2D.Double(i * PANEL_WIDTH, 0, PANEL_WIDTH, HEIGHT));
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
    }

    private static Path beside(Path json, String suffix) {
        String stem = json.getFileName().toString().replaceFirst("\\.json$", "");
        return json.toAbsolutePath().resolveSibling(stem + "-" + suffix + ".png");
    }

    /** A JSON number, or JMH's "NaN" string. */
    private static double number(JsonValue value) {
        if (value instanceof JsonNumber n) {
            return n.doubleValue();
        }
        if (value instanceof JsonString s) {
            return Double.parseDouble(s.getString());
        }
        return Double.NaN;
    }
}
