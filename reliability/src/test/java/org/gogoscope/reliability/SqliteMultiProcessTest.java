package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.api.Test;

/**
 * SQLite across processes: two JVMs contend for one lock on one file (WAL, busy timeout) without double
 * grants, lost updates, token regressions or errors; and a JVM killed with SIGKILL in the middle of writing
 * leaves a database that passes {@code PRAGMA integrity_check}, keeps every checkpoint whose save returned,
 * and takes new writes.
 */
class SqliteMultiProcessTest {

    private static final Pattern DONE = Pattern.compile(
            "DONE grants=(\\d+) doubles=(\\d+) regressions=(\\d+) errors=(\\d+)");

    @Test
    void twoProcessesContendCorrectlyOnOneFile() throws Exception {
        Path state = Files.createDirectories(Path.of("target/reliability/sqlite-contention-" + System.nanoTime()));
        String spec = "sqlite=target/reliability/two-processes.db";
        String prefix = Backends.freshPrefix("procs");
        long perProcess = LockContention.longProperty("reliability.grants", 1000) / 4;
        long start = System.nanoTime();
        try (ChildJvm a = new ChildJvm(SqliteContenderMain.class, spec, prefix, state.toString(),
                Long.toString(perProcess), "2");
                ChildJvm b = new ChildJvm(SqliteContenderMain.class, spec, prefix, state.toString(),
                        Long.toString(perProcess), "2")) {
            long total = 0;
            for (ChildJvm child : List.of(a, b)) {
                Matcher done = DONE.matcher(child.awaitLine("DONE", 180_000));
                assertThat(done.matches()).isTrue();
                assertThat(child.awaitExit(30_000)).isZero();
                assertThat(done.group(2)).as("double grants").isEqualTo("0");
                assertThat(done.group(3)).as("token regressions").isEqualTo("0");
                assertThat(done.group(4)).as("errors (SQLITE_BUSY or lost releases)").isEqualTo("0");
                total += Long.parseLong(done.group(1));
            }
            long counter = Long.parseLong(Files.readString(state.resolve("counter")));
            System.out.printf("SQLITE-2PROC grants=%d counter=%d time=%dms%n", total, counter,
                    (System.nanoTime() - start) / 1_000_000);
            assertThat(counter).as("counter kept in a plain file, protected only by the lock").isEqualTo(total);
            assertThat(total).isGreaterThanOrEqualTo(2 * perProcess);
        }
    }

    @Test
    void aProcessKilledMidWriteLeavesAUsableDatabase() throws Exception {
        String file = "target/reliability/killed-writer-" + System.nanoTime() + ".db";
        String spec = "sqlite=" + file;
        String prefix = Backends.freshPrefix("killed");
        List<Integer> acked = new ArrayList<>();
        int next = 0;
        for (int round = 0; round < 3; round++) {
            try (ChildJvm writer = new ChildJvm(SqliteWriterMain.class, spec, prefix, Integer.toString(next))) {
                writer.awaitLine("ACK", 60_000);
                Thread.sleep(ThreadLocalRandom.current().nextLong(200, 800));
                writer.kill9();
                for (String line : writer.drain()) {
                    if (line.startsWith("ACK ")) {
                        acked.add(Integer.parseInt(line.substring(4)));
                    }
                }
                acked.add(next); // the first ACK was consumed by awaitLine
                next = acked.stream().mapToInt(Integer::intValue).max().orElse(next) + 2;
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).as("integrity after kill %d", round + 1).isEqualTo("ok");
            }
        }
        try (PersistenceAdapter adapter = ChildAdapters.open(spec, prefix)) {
            for (int sequence : acked) {
                Checkpoint<List> loaded = adapter.checkpoints().load("cp-" + sequence, List.class).orElse(null);
                assertThat(loaded).as("acknowledged checkpoint %d", sequence).isNotNull();
                assertThat(loaded.data()).isEqualTo(SqliteWriterMain.payload(sequence));
            }
            adapter.checkpoints().save(Checkpoint.of("task", next + 1000, 100, List.of("after")));
            assertThat(adapter.checkpoints().loadLatest("task", List.class)).get()
                    .extracting(Checkpoint::sequence).isEqualTo(next + 1000);
            assertThat(adapter.locks().acquire("writer", Duration.ofSeconds(5), "successor")).isPresent();
            adapter.cache().set("big-0", "replaced");
            assertThat(adapter.cache().get("big-0", String.class)).contains("replaced");
        }
        System.out.printf("SQLITE-KILLED kills=3 acknowledgedCheckpoints=%d all present, integrity ok%n",
                acked.size());
    }
}
