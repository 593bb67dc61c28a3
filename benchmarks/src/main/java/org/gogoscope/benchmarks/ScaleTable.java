package org.gogoscope.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The summary of {@link ScaleBenchmarks}: per operation and backend, µs per call ± JMH's 99.9 % error at each size
 * run, and, when more than one size ran, the largest size's time over the smallest's (above 1 = slower with more records; the ± is the two
 * relative errors added, times the ratio). Empty when the results hold no scale benchmark.
 */
final class ScaleTable {

    private ScaleTable() {
    }

    static String render(Collection<RunResult> results) {
        Map<String, Map<Integer, Table.Score>> rows = new LinkedHashMap<>();
        TreeSet<Integer> sizes = new TreeSet<>();
        for (RunResult run : results) {
            String benchmark = run.getParams().getBenchmark();
            if (!benchmark.contains("ScaleBenchmarks")) {
                continue;
            }
            int size = Integer.parseInt(run.getParams().getParam("size"));
            Result<?> primary = run.getPrimaryResult();
            String row = benchmark.substring(benchmark.lastIndexOf('.') + 1) + " | " + run.getParams().getParam("backend");
            rows.computeIfAbsent(row, k -> new TreeMap<>()).put(size, new Table.Score(primary.getScore(),
                    primary.getScoreError()));
            sizes.add(size);
        }
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("| operation | backend |");
        for (int size : sizes) {
            out.append(" µs/call at ").append(label(size)).append(" |");
        }
        boolean compared = sizes.size() > 1;
        if (compared) {
            out.append(" ").append(label(sizes.last())).append(" / ").append(label(sizes.first())).append(" |");
        }
        out.append("\n|---|---|").append("---:|".repeat(compared ? sizes.size() + 1 : sizes.size())).append('\n');
        rows.forEach((row, bySize) -> {
            out.append("| ").append(row).append(" |");
            for (int size : sizes) {
                Table.Score s = bySize.get(size);
                out.append(' ').append(s == null ? "-" : micros(s)).append(" |");
            }
            if (compared) {
                out.append(' ').append(ratio(bySize.get(sizes.last()), bySize.get(sizes.first()))).append(" |");
            }
            out.append('\n');
        });
        return out.toString();
    }

    /** 10^k for a power of ten, else the number. */
    private static String label(int size) {
        int exponent = 0;
        int rest = size;
        while (rest % 10 == 0) {
            rest /= 10;
            exponent++;
        }
        return rest == 1 ? "10^" + exponent : Integer.toString(size);
    }

    private static String micros(Table.Score s) {
        return String.format(Locale.ROOT, "%,.1f ± %,.1f", s.value(), Double.isNaN(s.error()) ? 0 : s.error());
    }

    private static String ratio(Table.Score large, Table.Score small) {
        if (large == null || small == null || small.value() == 0) {
            return "-";
        }
        double r = large.value() / small.value();
        return String.format(Locale.ROOT, "%.2f ± %.2f", r, r * (large.relative() + small.relative()));
    }
}
