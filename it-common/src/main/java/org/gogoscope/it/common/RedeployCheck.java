package org.gogoscope.it.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Client side: deploys, exercises and undeploys one application {@code cycles} times, reading the server JVM's
 * state after garbage collection through a second application ({@code jvm}: lines {@code threads=},
 * {@code classes=}, {@code library=<names of live gogoscope-* threads>}, and {@link ClassLoaders#report}'s
 * {@code registered=}, {@code live=}, {@code liveDeployments=} and {@code heldBy=}). Asserts that no thread of the
 * library outlives its application; that once deployment N is undeployed, the weak reference to deployment N-1's
 * class loader is cleared (deployment N's own may still be on its way); that threads and loaded classes stay flat
 * after two warm-up cycles. A thread left running, or anything JVM-wide holding an application's object, would pin
 * its class loader and every class of it.
 *
 * <p>One exception, on purpose: the <em>first</em> deployment's class loader may stay. Both WildFly and Liberty
 * keep it. On WildFly pgjdbc's shared statement-timeout timer thread ({@code PostgreSQL-JDBC-SharedTimer}), started
 * by the first statement with a query timeout on the server's pool, holds it through its inherited access control
 * context (the report's {@code heldBy} says {@code inherited:PostgreSQL-JDBC-SharedTimer-1}); the timer is the
 * driver's, lives as long as the server's pool and is started once, so later deployments are not pinned. On Liberty
 * the holder is not one {@code heldBy} can see (no thread, no MBean). Either way it is one loader, not one per
 * redeploy, which the per-cycle check proves.
 */
public final class RedeployCheck {

    private static final int WARM_UP = 2;
    /** Key prefix of {@link #read}'s entries for {@code liveDeployments}: {@code liveDeployment#3=3}. */
    private static final String LIVE = "liveDeployment#";

    private RedeployCheck() {
    }

    /**
     * What one application server offers the check: deploy and undeploy the cycled application, {@code exercise}
     * uses every part of the library that starts a thread or opens a pool and returns the reply, {@code jvm} is the
     * observer application's report.
     */
    public record Server(Runnable deploy, Supplier<Http.Reply> exercise, Runnable undeploy,
            Supplier<Http.Reply> jvm) {
    }

    /** Runs the cycles; returns a one-line summary with the figures. */
    public static String run(int cycles, Server server) {
        Map<String, Long> baseline = null;
        Map<String, Long> deployed = null;
        Map<String, Long> after = null;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            server.deploy().run();
            Http.Reply exercised = server.exercise().get();
            assertEquals(200, exercised.status(), exercised.body());
            deployed = read(server.jvm());
            assertTrue(deployed.get("library") > 0, "the exercise started the library's threads: " + deployed);
            server.undeploy().run();
            after = read(server.jvm());
            System.out.printf("REDEPLOY cycle %d: deployed %s, undeployed %s%n", cycle, deployed, after);
            assertEquals(0L, after.get("library"), "no thread of the library outlives its application: " + after);
            Set<Long> stale = liveDeployments(after);
            stale.remove(1L); // the first deployment's: see the class comment
            stale.remove((long) cycle); // just undeployed: may still be on its way
            assertTrue(stale.isEmpty(), "after cycle " + cycle + " the class loaders of deployments " + stale
                    + " are still reachable after GC (only the first and the last may be): " + after);
            if (cycle == WARM_UP) {
                baseline = after;
            }
        }
        long grown = after.get("classes") - baseline.get("classes");
        String summary = String.format("%d cycles: threads %d -> %d, loaded classes %d -> %d, application class "
                + "loaders %d seen, %d not collected", cycles, baseline.get("threads"), after.get("threads"),
                baseline.get("classes"), after.get("classes"), after.get("registered"), after.get("live"));
        System.out.println("REDEPLOY " + summary);
        assertEquals(cycles, after.get("registered"), "every deployment registered its class loader: " + summary);
        assertTrue(after.get("live") <= 2, "the class loaders of undeployed applications are collected (the last one "
                + "may be on its way, and the server may keep its first deployment's): " + summary);
        assertTrue(after.get("threads") <= baseline.get("threads") + 3, "threads stay flat: " + summary);
        assertTrue(grown < 200 * (cycles - WARM_UP) + 200, "loaded classes stay flat: grew " + grown + "; "
                + summary);
        return summary;
    }

    /** The 1-based numbers of the deployments whose class loader is still reachable, from {@link #read}. */
    private static Set<Long> liveDeployments(Map<String, Long> values) {
        Set<Long> live = new TreeSet<>();
        values.forEach((key, value) -> {
            if (key.startsWith(LIVE)) {
                live.add(value);
            }
        });
        return live;
    }

    private static Map<String, Long> read(Supplier<Http.Reply> jvm) {
        Http.Reply reply = jvm.get();
        assertEquals(200, reply.status(), reply.body());
        System.out.println("REDEPLOY jvm: " + reply.body().replace('\n', ' '));
        Map<String, Long> values = new HashMap<>();
        for (String line : reply.body().split("\n")) {
            String[] pair = line.split("=", 2);
            if (pair[0].equals("liveDeployments")) { // one entry per deployment whose class loader is reachable
                for (String number : pair.length < 2 || pair[1].isBlank() ? new String[0] : pair[1].split(",")) {
                    values.put(LIVE + number.strip(), Long.parseLong(number.strip()));
                }
                continue;
            }
            if (pair[0].equals("heldBy")) {
                continue;
            }
            if (pair[0].equals("library")) {
                values.put("library", pair.length < 2 || pair[1].isBlank() ? 0L : pair[1].split(",").length);
            } else if (pair.length == 2) {
                values.put(pair[0], Long.parseLong(pair[1].strip()));
            }
        }
        return values;
    }
}
