package org.gogoscope.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.PersistenceAdapter;

/**
 * Child process of {@link SqliteMultiProcessTest}: writes as fast as it can to a SQLite file (checkpoints of
 * about 20 KB, cache entries, lock grants) and prints {@code ACK <sequence>} after each checkpoint save
 * returned, until it is killed (at most one minute).
 */
public final class SqliteWriterMain {

    private SqliteWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        PersistenceAdapter adapter = ChildAdapters.open(args[0], args[1]);
        int first = Integer.parseInt(args[2]);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int n = first; System.nanoTime() < deadline; n++) {
            adapter.checkpoints().save(new Checkpoint<>("cp-" + n, "task", n, Instant.now(), n % 101, payload(n),
                    null));
            System.out.println("ACK " + n);
            System.out.flush();
            adapter.cache().set("big-" + (n % 10), payload(n), Duration.ofMinutes(5));
            adapter.locks().acquire("writer", Duration.ofMillis(200), "writer").ifPresent(h -> { });
        }
        System.exit(3);
    }

    static List<String> payload(int n) {
        List<String> data = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            data.add(n + ":" + i + ":" + "x".repeat(90));
        }
        return data;
    }
}
