package org.gogoscope.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.PersistenceAdapter;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Does anything grow without bound? Pushes {@code --keys} distinct keys of each kind through one backend with
 * short TTLs, from {@code --threads} threads: a cache entry set with the TTL, an idempotency claim completed with
 * the TTL, a lock acquired for the TTL and released, a breaker that fails once and recovers (closed without
 * failures: kept {@code CLOSED_STATE_RETENTION}, one day). Meanwhile, and for {@code --settle} seconds after,
 * a sampler counts what is stored under the run's prefix, per kind, straight from the tables, keys or
 * collections. Writes JSON and a Markdown table ({@code --out}, default {@code benchmarks/target/churn-result.json}).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.gogoscope.benchmarks.ChurnMeasurement [--keys 100000]
 * [--threads 4] [--ttl-ms 200] [--settle 25] [--backends postgresql,mariadb,sqlite,redis,mongodb]}. SQL adapters
 * run with their default purge ({@code purge.interval} 10 s, batch 500); on Redis the count scans the run's prefix;
 * MongoDB is the in-process stand-in, which has no TTL monitor.
 */
public final class ChurnMeasurement {

    /** The {@code format} of the JSON written, which {@link Charts} recognises. */
    static final String FORMAT = "gogoscope-churn/1";

    private static final List<String> KINDS = List.of("cache", "idempotency", "locks", "circuits");

    /** The table (SQL) or collection (MongoDB) of each kind: the same names on both. */
    private static final Map<String, String> TABLES = Map.of("cache", "go_goscope_cache", "idempotency",
            "go_goscope_idempotency", "locks", "go_goscope_locks", "circuits", "go_goscope_circuit");

    private ChurnMeasurement() {
    }

    /** One count of the stored records per kind, {@code seconds} after the churn started. */
    record Sample(double seconds, boolean churning, Map<String, Long> stored) {
    }

    /** What one backend's run left, and how fast it went. */
    record Run(String backend, int keys, int threads, long ttlMillis, double churnSeconds, List<Sample> samples) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int keys = Integer.parseInt(options.getOrDefault("keys", "100000"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
        long ttl = Long.parseLong(options.getOrDefault("ttl-ms", "200"));
        int settle = Integer.parseInt(options.getOrDefault("settle", "25"));
        List<String> backends = List.of(options.getOrDefault("backends", "postgresql,mariadb,sqlite,redis,mongodb")
                .split(","));
        Path out = Path.of(options.getOrDefault("out", "benchmarks/target/churn-result.json"));
        List<Run> runs = new ArrayList<>();
        for (String backend : backends) {
            runs.add(run(backend.trim(), keys, threads, ttl, settle));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json(runs));
        Path md = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.json$", "") + ".md");
        String table = table(runs);
        Files.writeString(md, table);
        System.out.println(table);
        System.out.println("JSON: " + out.toAbsolutePath() + "\nTable: " + md.toAbsolutePath());
        Charts.write(out).forEach(png -> System.out.println("Chart: " + png.toAbsolutePath()));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            if (!List.of("keys", "threads", "ttl-ms", "settle", "backends", "out").contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name
                        + " (known: --keys --threads --ttl-ms --settle --backends --out)");
            }
            options.put(name, args[++i]);
        }
        return options;
    }

    private static Run run(String backend, int keys, int threads, long ttlMillis, int settleSeconds)
            throws Exception {
        String prefix = "gogochurn:" + UUID.randomUUID().toString().substring(0, 8) + ":";
        PersistenceAdapter adapter = adapter(backend, prefix);
        Counter counter = counter(backend, prefix);
        List<Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (counter) {
            AtomicInteger next = new AtomicInteger();
            Duration ttl = Duration.ofMillis(ttlMillis);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < keys; i = next.getAndIncrement()) {
                        churnOne(adapter, i, ttl);
                    }
                    return null;
                }));
            }
            while (!workers.stream().allMatch(Future::isDone)) {
                samples.add(new Sample(seconds(start), true, counter.count()));
                Thread.sleep(2_000);
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            double churnSeconds = seconds(start);
            long settleUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(settleSeconds);
            do {
                samples.add(new Sample(seconds(start), false, counter.count()));
                Thread.sleep(2_500);
            } while (System.nanoTime() < settleUntil);
            samples.add(new Sample(seconds(start), false, counter.count()));
            System.out.printf(Locale.ROOT, "%s: %d keys per kind in %.1f s, then %s%n", backend, keys, churnSeconds,
                    samples.get(samples.size() - 1).stored());
            counter.deleteAll(); // the breaker states stay a day otherwise, in tables the tests share
            return new Run(backend, keys, threads, ttlMillis, churnSeconds, samples);
        } finally {
            pool.shutdownNow();
            adapter.disconnect();
        }
    }

    private static void churnOne(PersistenceAdapter adapter, int i, Duration ttl) {
        adapter.cache().set("c" + i, i, ttl);
        ClaimResult<Integer> claim = adapter.idempotency().claim("i" + i, "f", ttl, Integer.class);
        if (claim instanceof ClaimResult.Claimed<Integer> claimed) {
            adapter.idempotency().complete("i" + i, claimed.claimToken(), i, ttl);
        }
        adapter.locks().acquire("l" + i, ttl).ifPresent(LockHandle::release);
        adapter.circuitBreakers().recordFailure("b" + i, 5);
        adapter.circuitBreakers().recordSuccess("b" + i);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Our adapter on {@code backend}, connected, built as every benchmark builds it ({@link Backend#ours}). */
    private static PersistenceAdapter adapter(String backend, String prefix) {
        Backend known;
        try {
            known = Backend.valueOf(backend);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--backends: unknown backend '" + backend
                    + "' (known: postgresql, mariadb, sqlite, redis, mongodb)", e);
        }
        return known.ours(prefix);
    }

    /** Counts what is stored under one prefix, per kind, expired or not, and deletes it after the run. */
    private interface Counter extends AutoCloseable {
        Map<String, Long> count() throws Exception;

        /** Deletes everything stored under the run's prefix. */
        void deleteAll() throws Exception;

        @Override
        void close();
    }

    private static Counter counter(String backend, String prefix) {
        return switch (backend) {
            case "postgresql" -> sqlCounter(Servers.pool("churn-count-pg", Servers.PG_URL, Servers.PG_USER), "key",
                    prefix);
            case "mariadb" -> sqlCounter(Servers.pool("churn-count-mariadb", Servers.MARIADB_URL,
                    Servers.MARIADB_USER), "`key`", prefix);
            case "sqlite" -> sqlCounter(Servers.pool("churn-count-sqlite", Servers.sqliteUrl(), null), "key", prefix);
            case "redis" -> redisCounter(prefix);
            case "mongodb" -> mongoCounter(prefix);
            default -> throw new IllegalArgumentException(backend);
        };
    }

    /** The rows of each table whose key lies in [prefix, prefix with its last character + 1): the key index range. */
    private static Counter sqlCounter(HikariDataSource pool, String keyColumn, String prefix) {
        String upper = prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
        return new Counter() {
            @Override
            public Map<String, Long> count() throws SQLException {
                Map<String, Long> counts = new LinkedHashMap<>();
                onEachTable("SELECT COUNT(*) FROM", (kind, statement) -> {
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        counts.put(kind, rs.getLong(1));
                    }
                });
                return counts;
            }

            @Override
            public void deleteAll() throws SQLException {
                onEachTable("DELETE FROM", (kind, statement) -> statement.executeUpdate());
            }

            /** Runs {@code <verb> <table> WHERE key in the prefix's range} for each kind's table. */
            private void onEachTable(String verb, SqlStep step) throws SQLException {
                try (Connection c = pool.getConnection()) {
                    for (String kind : KINDS) {
                        try (PreparedStatement s = c.prepareStatement(verb + " " + TABLES.get(kind) + " WHERE "
                                + keyColumn + " >= ? AND " + keyColumn + " < ?")) {
                            s.setString(1, prefix);
                            s.setString(2, upper);
                            step.run(kind, s);
                        }
                    }
                }
            }

            @Override
            public void close() {
                pool.close();
            }
        };
    }

    /** One statement's work in {@link #sqlCounter}. */
    @FunctionalInterface
    private interface SqlStep {
        void run(String kind, PreparedStatement statement) throws SQLException;
    }

    /**
     * Every key under the prefix, by what follows it: {@code cache:} and {@code cache-...} (entries and their
     * index), {@code lock:} and {@code fence:} (locks and their token counters), {@code circuit:}; idempotency
     * records are the prefix plus the key ({@code i...}), as go-go-scope lays them out.
     */
    private static Counter redisCounter(String prefix) {
        JedisPooled redis = new JedisPooled(java.net.URI.create(Servers.REDIS_URI));
        return new Counter() {
            @Override
            public Map<String, Long> count() {
                Map<String, Long> counts = new LinkedHashMap<>();
                KINDS.forEach(kind -> counts.put(kind, 0L));
                eachScanStep(keys -> keys.forEach(key ->
                        counts.merge(kindOf(key.substring(prefix.length())), 1L, Long::sum)));
                return counts;
            }

            @Override
            public void deleteAll() {
                eachScanStep(keys -> {
                    if (!keys.isEmpty()) {
                        redis.del(keys.toArray(String[]::new));
                    }
                });
            }

            /** Hands the keys of each {@code SCAN MATCH <prefix>*} step to {@code step}, to the end of the scan. */
            private void eachScanStep(java.util.function.Consumer<List<String>> step) {
                ScanParams params = new ScanParams().match(escape(prefix) + "*").count(1000);
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    ScanResult<String> result = redis.scan(cursor, params);
                    step.accept(result.getResult());
                    cursor = result.getCursor();
                } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            }

            @Override
            public void close() {
                redis.close();
            }
        };
    }

    private static String kindOf(String rest) {
        if (rest.startsWith("cache")) {
            return "cache";
        }
        if (rest.startsWith("lock:") || rest.startsWith("fence:")) {
            return "locks";
        }
        if (rest.startsWith("circuit")) {
            return "circuits";
        }
        return "idempotency";
    }

    private static String escape(String glob) {
        return glob.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    private static Counter mongoCounter(String prefix) {
        MongoClient client = MongoClients.create(Servers.mongoUri());
        MongoDatabase database = client.getDatabase(Servers.MONGO_DATABASE);
        return new Counter() {
            @Override
            public Map<String, Long> count() {
                Map<String, Long> counts = new LinkedHashMap<>();
                for (String kind : KINDS) {
                    counts.put(kind, database.getCollection(TABLES.get(kind))
                            .countDocuments(Filters.regex("key", "^" + Pattern.quote(prefix))));
                }
                return counts;
            }

            @Override
            public void deleteAll() {
                for (String kind : KINDS) {
                    database.getCollection(TABLES.get(kind))
                            .deleteMany(Filters.regex("key", "^" + Pattern.quote(prefix)));
                }
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    private static String json(List<Run> runs) {
        StringBuilder json = new StringBuilder("{\"format\": \"" + FORMAT + "\", \"runs\": [\n");
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            json.append(String.format(Locale.ROOT, "  {\"backend\": \"%s\", \"keys\": %d, \"threads\": %d, "
                    + "\"ttlMillis\": %d, \"churnSeconds\": %.2f, \"samples\": [\n", run.backend(), run.keys(),
                    run.threads(), run.ttlMillis(), run.churnSeconds()));
            for (int s = 0; s < run.samples().size(); s++) {
                Sample sample = run.samples().get(s);
                json.append(String.format(Locale.ROOT, "    {\"seconds\": %.2f, \"churning\": %s, \"stored\": {",
                        sample.seconds(), sample.churning()));
                json.append(String.join(", ", sample.stored().entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\": " + e.getValue()).toList()));
                json.append(s + 1 < run.samples().size() ? "}},\n" : "}}\n");
            }
            json.append(r + 1 < runs.size() ? "  ]},\n" : "  ]}\n");
        }
        return json.append("]}\n").toString();
    }

    /** Per backend and kind: the most stored during the churn, at its end, and after the settle time. */
    static String table(List<Run> runs) {
        StringBuilder table = new StringBuilder("| backend | keys/kind | churn s | kind | most stored during churn "
                + "| at its end | after settle |\n|---|---:|---:|---|---:|---:|---:|\n");
        for (Run run : runs) {
            Sample end = run.samples().stream().filter(Sample::churning).reduce((a, b) -> b).orElseThrow();
            Sample last = run.samples().get(run.samples().size() - 1);
            for (String kind : KINDS) {
                long most = run.samples().stream().filter(Sample::churning).mapToLong(s -> s.stored().get(kind))
                        .max().orElse(0);
                table.append(String.format(Locale.ROOT, "| %s | %,d | %.0f | %s | %,d | %,d | %,d (%.0f s) |%n",
                        run.backend(), run.keys(), run.churnSeconds(), kind, most, end.stored().get(kind),
                        last.stored().get(kind), last.seconds()));
            }
        }
        return table.toString();
    }
}
