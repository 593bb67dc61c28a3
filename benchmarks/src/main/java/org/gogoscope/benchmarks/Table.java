package org.gogoscope.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The summary: per operation and backend, ops/s ± the 99.9 % error JMH reports for ours, ShedLock and the
 * raw floor, and the ratios ours/ShedLock and ours/raw (throughput ratios: above 1 = ours faster; the ± is
 * the two relative errors added). For the contended lock the figure is granted acquire+release per second.
 * For the interceptors: ops/s and the cost per call over the plain call in µs; for the breakers the time per
 * call relative to SmallRye's own breaker (below 1.1 = target met). The scale benchmarks have a table of their own
 * ({@link ScaleTable}).
 */
final class Table {

    private Table() {
    }

    record Score(double value, double error) {
        double relative() {
            return value == 0 || Double.isNaN(error) ? 0 : error / value;
        }

        @Override
        public String toString() {
            return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f ± %,.0f", value, Double.isNaN(error) ? 0 : error);
        }
    }

    static String render(Collection<RunResult> results) {
        Map<String, Map<String, Score>> rows = new LinkedHashMap<>();
        Map<String, Score> interceptors = new LinkedHashMap<>();
        for (RunResult run : results) {
            String benchmark = run.getParams().getBenchmark();
            if (benchmark.contains("ScaleBenchmarks")) {
                continue;
            }
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Result<?> primary = run.getPrimaryResult();
            Score score = new Score(primary.getScore(), primary.getScoreError());
            if (benchmark.contains("InterceptorBenchmarks")) {
                interceptors.put(method, score);
                continue;
            }
            if (method.equals("contended8")) {
                method = "contended8 (grants/s)";
            }
            String row = method + " | " + run.getParams().getParam("backend");
            rows.computeIfAbsent(row, k -> new LinkedHashMap<>()).put(run.getParams().getParam("impl"), score);
        }
        StringBuilder out = new StringBuilder();
        if (!rows.isEmpty()) {
            out.append("| operation | backend | gogoscope ops/s | ShedLock ops/s | raw ops/s | ours/ShedLock | ours/raw |\n");
            out.append("|---|---|---:|---:|---:|---:|---:|\n");
            rows.forEach((row, impls) -> {
                Score ours = impls.get("gogoscope");
                Score shed = impls.get("shedlock");
                Score raw = impls.get("raw");
                out.append("| ").append(row).append(" | ").append(str(ours)).append(" | ").append(str(shed))
                        .append(" | ").append(str(raw)).append(" | ").append(ratio(ours, shed)).append(" | ")
                        .append(ratio(ours, raw)).append(" |\n");
            });
        }
        if (!interceptors.isEmpty()) {
            Score plain = interceptors.get("plain");
            Score local = interceptors.get("smallryeBreaker");
            out.append("\n| interceptor benchmark (memory backend, Weld SE) | ops/s | µs/call | over plain µs/call | time/call vs SmallRye breaker |\n");
            out.append("|---|---:|---:|---:|---:|\n");
            List<String> names = new ArrayList<>(interceptors.keySet());
            for (String name : names) {
                Score s = interceptors.get(name);
                String micros = String.format(Locale.ROOT, "%.3f", 1e6 / s.value());
                String over = plain == null || name.equals("plain") ? "-"
                        : String.format(Locale.ROOT, "%.3f", 1e6 / s.value() - 1e6 / plain.value());
                String vsLocal = local == null || !name.startsWith("shared") ? "-" : ratio(local, s);
                out.append("| ").append(name).append(" | ").append(s).append(" | ").append(micros).append(" | ")
                        .append(over).append(" | ").append(vsLocal).append(" |\n");
            }
        }
        String scale = ScaleTable.render(results);
        if (!scale.isEmpty()) {
            out.append(out.length() == 0 ? "" : "\n").append(scale);
        }
        return out.toString();
    }

    private static String str(Score s) {
        return s == null ? "-" : s.toString();
    }

    /** a / b with the relative errors added. */
    private static String ratio(Score a, Score b) {
        if (a == null || b == null || b.value() == 0) {
            return "-";
        }
        double r = a.value() / b.value();
        return String.format(Locale.ROOT, "%.2f ± %.2f", r, r * (a.relative() + b.relative()));
    }
}
