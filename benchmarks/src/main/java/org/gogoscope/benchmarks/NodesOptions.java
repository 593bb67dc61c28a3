package org.gogoscope.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The command line of {@link NodesBenchmark}: what to measure and for how long. Every option has a default, so
 * no option at all means the full measurement. A value that cannot be used fails with {@link InvalidOption},
 * which names the option.
 *
 * @param warmup     how long the threads run before the measured window (per run)
 * @param measure    the measured window (per run)
 * @param backends   the servers
 * @param contestants ours and/or ShedLock
 * @param workloads  hot key and/or distinct keys
 * @param threads    total threads of a point, over all its JVMs
 * @param jvms       JVM counts; a count above the thread count is skipped, and a thread count must divide evenly
 * @param repeat     runs per point (each in fresh JVMs)
 * @param out        the JSON result; the Markdown table and the charts go beside it
 */
record NodesOptions(Duration warmup, Duration measure, List<Backend> backends, List<Contestant> contestants,
        List<Workload> workloads, List<Integer> threads, List<Integer> jvms, int repeat, Path out) {

    static final String USAGE = """
            java -cp benchmarks/target/benchmarks.jar org.gogoscope.benchmarks.NodesBenchmark [options]
              --warmup SECONDS       warm-up per run before the measured window (default 2)
              --measure SECONDS      measured window per run (default 5)
              --backends LIST        postgresql,mariadb,sqlite,redis,mongodb (default all)
              --contestants LIST     ours,shedlock (default both)
              --workloads LIST       hot,distinct (default both)
              --threads LIST         total threads per point, over all JVMs (default 1,4,16,64)
              --jvms LIST            JVMs (nodes) per point; skipped when above the threads (default 1,2,4)
              --repeat N             runs per point, each in fresh JVMs (default 3)
              --out FILE             JSON result (default benchmarks/target/nodes-result.json);
                                     FILE.md and FILE-<backend>.png are written beside it
              --help                 this text""";

    /** A command-line value that cannot be used; the message names the option. */
    static final class InvalidOption extends IllegalArgumentException {
        InvalidOption(String option, String problem) {
            super(option + ": " + problem);
        }
    }

    /** The full measurement. */
    static NodesOptions defaults() {
        return new NodesOptions(Duration.ofSeconds(2), Duration.ofSeconds(5), List.of(Backend.values()),
                List.of(Contestant.values()), List.of(Workload.values()), List.of(1, 4, 16, 64), List.of(1, 2, 4), 3,
                defaultOut());
    }

    private static Path defaultOut() {
        Path target = Path.of("benchmarks", "target");
        return (target.toFile().isDirectory() ? target : Path.of("target")).resolve("nodes-result.json");
    }

    /** @return the options, or {@code null} when {@code --help} was asked */
    static NodesOptions parse(String... args) {
        NodesOptions d = defaults();
        Duration warmup = d.warmup;
        Duration measure = d.measure;
        List<Backend> backends = d.backends;
        List<Contestant> contestants = d.contestants;
        List<Workload> workloads = d.workloads;
        List<Integer> threads = d.threads;
        List<Integer> jvms = d.jvms;
        int repeat = d.repeat;
        Path out = d.out;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (!option.startsWith("--")) {
                throw new InvalidOption(option, "not an option (see --help)");
            }
            if (i + 1 >= args.length) {
                throw new InvalidOption(option, "needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--warmup" -> warmup = seconds(option, value, true);
                case "--measure" -> measure = seconds(option, value, false);
                case "--backends" -> backends = names(option, value, Backend.class);
                case "--contestants" -> contestants = names(option, value, Contestant.class);
                case "--workloads" -> workloads = names(option, value, Workload.class);
                case "--threads" -> threads = counts(option, value);
                case "--jvms" -> jvms = counts(option, value);
                case "--repeat" -> repeat = count(option, value);
                case "--out" -> out = out(option, value);
                default -> throw new InvalidOption(option, "unknown option (see --help)");
            }
        }
        for (int t : threads) {
            for (int n : jvms) {
                if (n <= t && t % n != 0) {
                    throw new InvalidOption("--threads", t + " threads do not divide evenly over " + n
                            + " JVMs (--jvms)");
                }
            }
        }
        return new NodesOptions(warmup, measure, backends, contestants, workloads, threads, jvms, repeat, out);
    }

    private static Duration seconds(String option, String value, boolean zeroAllowed) {
        double s;
        try {
            s = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidOption(option, "'" + value + "' is not a number of seconds");
        }
        if (Double.isNaN(s) || s < 0 || (!zeroAllowed && s == 0) || s > 3600) {
            throw new InvalidOption(option, value + " s is out of range (" + (zeroAllowed ? "0" : "above 0")
                    + " to 3600)");
        }
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    private static <E extends Enum<E>> List<E> names(String option, String value, Class<E> type) {
        List<E> result = new ArrayList<>();
        for (String name : list(option, value)) {
            try {
                result.add(Enum.valueOf(type, name.toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidOption(option, "unknown name '" + name + "' (one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
            }
        }
        return List.copyOf(new LinkedHashSet<>(result));
    }

    private static List<Integer> counts(String option, String value) {
        return list(option, value).stream().map(v -> count(option, v)).distinct().sorted().toList();
    }

    private static int count(String option, String value) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidOption(option, "'" + value + "' is not a whole number");
        }
        if (n < 1 || n > 1024) {
            throw new InvalidOption(option, n + " is out of range (1 to 1024)");
        }
        return n;
    }

    private static List<String> list(String option, String value) {
        List<String> items = Arrays.stream(value.split(",")).map(String::trim).filter(Predicate.not(String::isEmpty))
                .toList();
        if (items.isEmpty()) {
            throw new InvalidOption(option, "empty list");
        }
        return items;
    }

    private static Path out(String option, String value) {
        if (!value.endsWith(".json")) {
            throw new InvalidOption(option, "'" + value + "' must end in .json (the table and charts are named after it)");
        }
        return Path.of(value);
    }
}
