package org.gogoscope.demo;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.jpa.SqlAdapter;
import org.gogoscope.jpa.SqlSettings;

/**
 * Exercises the five providers on two "nodes" sharing one SQLite file and prints what happens. The file is
 * {@code gogoscope.demo.db} (Maven sets it to {@code target/gogoscope-demo.db}), else {@code gogoscope-demo.db}
 * in the working directory; it survives runs, and so do the fencing tokens.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String file = System.getProperty("gogoscope.demo.db", "gogoscope-demo.db");
        SqlSettings settings = SqlSettings.sqliteFile(file).withPoolSize(2);
        try (PersistenceAdapter nodeA = new SqlAdapter(settings, "demo:");
                PersistenceAdapter nodeB = new SqlAdapter(settings, "demo:")) {
            nodeA.connect();
            nodeB.connect();
            System.out.println("backend: " + nodeA.backend() + " (file " + new File(file).getAbsolutePath()
                    + "; two adapters with their own pools act as two nodes)");
            reset(nodeA);

            try (LockHandle lock = nodeA.locks().acquire("order-42", Duration.ofSeconds(30)).orElseThrow()) {
                System.out.println("lock: node A holds order-42 with fencing token " + lock.fencingToken());
                System.out.println("lock: node B tries order-42 -> "
                        + (nodeB.locks().acquire("order-42", Duration.ofSeconds(30)).isPresent() ? "granted" : "refused"));
            }
            try (LockHandle lock = nodeB.locks().acquire("order-42", Duration.ofSeconds(30)).orElseThrow()) {
                System.out.println("lock: after release node B gets token " + lock.fencingToken());
            }

            for (int i = 0; i < 3; i++) {
                nodeA.circuitBreakers().recordFailure("payments", 3);
            }
            System.out.println("circuit: node B sees payments " + nodeB.circuitBreakers().getState("payments").orElseThrow());

            nodeA.cache().set("user:1", List.of("alice", "admin"), Duration.ofMinutes(5));
            nodeA.cache().set("user:2", List.of("bob"));
            System.out.println("cache: node B keys user:* -> " + nodeB.cache().keys("user:*").stream().sorted().toList());

            for (int step = 0; step < 4; step++) {
                nodeA.checkpoints().save(new Checkpoint<>("import-" + step, "import", step, Instant.now(),
                        step * 25, "row " + step * 1000, Duration.ofSeconds(30L * (4 - step))));
            }
            nodeA.checkpoints().cleanup("import", 2);
            System.out.println("checkpoint: node B resumes import from "
                    + nodeB.checkpoints().loadLatest("import", String.class).orElseThrow().data()
                    + ", kept " + nodeB.checkpoints().list("import", String.class).size());

            ClaimResult<String> first = nodeA.idempotency().claim("pay-7", "amount=10", Duration.ofSeconds(30), String.class);
            String token = ((ClaimResult.Claimed<String>) first).claimToken();
            System.out.println("idempotency: node B while running -> "
                    + nodeB.idempotency().claim("pay-7", "amount=10", Duration.ofSeconds(30), String.class));
            nodeA.idempotency().complete("pay-7", token, "receipt-123", Duration.ofHours(1));
            System.out.println("idempotency: node B replay -> "
                    + nodeB.idempotency().claim("pay-7", "amount=10", Duration.ofSeconds(30), String.class));
            System.out.println("idempotency: other request, same key -> "
                    + nodeB.idempotency().claim("pay-7", "amount=99", Duration.ofSeconds(30), String.class));
        }
    }

    /** The file outlives a run: start the demo's keys afresh (fencing tokens deliberately keep counting). */
    private static void reset(PersistenceAdapter node) {
        node.circuitBreakers().setState("payments", CircuitBreakerState.initial());
        node.cache().clear();
        node.checkpoints().deleteAll("import");
        node.idempotency().delete("pay-7");
        node.locks().forceRelease("order-42");
    }
}
