package org.gogoscope.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gogoscope.api.PersistenceAdapter;

/**
 * Fills a scale space with one kind's records unless it holds them already: asks the adapter ({@link ScaleKind}),
 * writes in bulk ({@link SqlScaleFill}, {@link RedisScaleFill}) when it does not, asks again, and fails when the
 * records did not land. Prints how long a fill took.
 *
 * <p>Also a command that fills ahead of a run, so that the run's first forks do not:
 * {@code java -cp benchmarks/target/benchmarks.jar org.gogoscope.benchmarks.ScaleFill <backends> <sizes> [kinds]},
 * comma-separated, e.g. {@code redis,sqlite 1000,100000 locks,cache}; all kinds by default.
 */
final class ScaleFill {

    private ScaleFill() {
    }

    /**
     * Makes sure {@code space}, seen through {@code adapter} (connected to it), holds its records of {@code kind}.
     *
     * @return the seconds the fill took, empty when the records were there
     */
    static OptionalDouble ensure(ScaleSpace space, ScaleKind kind, PersistenceAdapter adapter) throws Exception {
        if (kind.missing(adapter, space.size()).isEmpty()) {
            return OptionalDouble.empty();
        }
        long start = System.nanoTime();
        if (space.backend() == Backend.redis) {
            RedisScaleFill.fill(space, kind);
        } else {
            SqlScaleFill.fill(space, kind);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Optional<String> missing = kind.missing(adapter, space.size());
        if (missing.isPresent()) {
            throw new IllegalStateException("the fill of " + space.size() + " " + kind.label() + " records in " + space
                    + " did not land: " + missing.get());
        }
        System.out.printf(Locale.ROOT, "# scale fill: %d %s records in %s, %.1f s%n", space.size(), kind.label(), space,
                seconds);
        return OptionalDouble.of(seconds);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ScaleFill <backends> <sizes> [kinds], each comma-separated, e.g. "
                    + "redis,sqlite 1000,100000 locks,cache");
            System.exit(2);
        }
        List<ScaleKind> kinds = new ArrayList<>();
        for (String kind : (args.length == 3 ? args[2] : "cache,locks,idempotency,checkpoints").split(",")) {
            kinds.add(ScaleKind.valueOf(kind.trim().toUpperCase(Locale.ROOT)));
        }
        for (String backend : args[0].split(",")) {
            for (int size : Arrays.stream(args[1].split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray()) {
                ScaleSpace space = new ScaleSpace(Backend.valueOf(backend.trim()), size);
                space.create();
                PersistenceAdapter adapter = space.adapter();
                try {
                    for (ScaleKind kind : kinds) {
                        if (ensure(space, kind, adapter).isEmpty()) {
                            System.out.printf("# scale fill: %d %s records in %s were there%n", size, kind.label(),
                                    space);
                        }
                    }
                } finally {
                    adapter.disconnect();
                }
            }
        }
    }
}
