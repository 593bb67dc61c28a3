package org.gogoscope.it.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Client side: deploys, exercises and undeploys one application {@code cycles} times, reading the server JVM's
 * threads and loaded classes after garbage collection through a second application ({@code jvm}: lines
 * {@code threads=}, {@code classes=}, {@code library=<names of live gogoscope-* threads>}). Asserts that no thread
 * of the library outlives its application and that threads and classes stay flat after two warm-up cycles; a
 * thread left running would pin its application's class loader and every class of it.
 */
public final class RedeployCheck {

    private static final int WARM_UP = 2;

    private RedeployCheck() {
    }

    /** What one application server offers the check. */
    public interface Server {
        void deploy();

        /** Uses every part of the library that starts a thread or opens a pool; returns the reply. */
        Http.Reply exercise();

        void undeploy();

        /** The observer application's report. */
        Http.Reply jvm();
    }

    /** Runs the cycles; returns a one-line summary with the figures. */
    public static String run(int cycles, Server server) {
        Map<String, Long> baseline = null;
        Map<String, Long> deployed = null;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            server.deploy();
            Http.Reply exercised = server.exercise();
            assertEquals(200, exercised.status(), exercised.body());
            if (cycle == WARM_UP) {
                deployed = read(server::jvm);
            }
            server.undeploy();
            Map<String, Long> after = read(server::jvm);
            System.out.printf("REDEPLOY cycle %d: %s%n", cycle, after);
            assertEquals(0L, after.get("library"), "no thread of the library outlives its application: " + after);
            if (cycle == WARM_UP) {
                baseline = after;
            }
        }
        Map<String, Long> end = read(server::jvm);
        long perDeployment = deployed.get("classes") - baseline.get("classes");
        long grown = end.get("classes") - baseline.get("classes");
        String summary = String.format("%d cycles: threads %d -> %d, loaded classes %d -> %d (a deployment loads %d)",
                cycles, baseline.get("threads"), end.get("threads"), baseline.get("classes"), end.get("classes"),
                perDeployment);
        System.out.println("REDEPLOY " + summary);
        assertTrue(end.get("threads") <= baseline.get("threads") + 3, "threads stay flat: " + summary);
        assertTrue(grown < Math.max(500, perDeployment), "classes of undeployed applications are unloaded: grew "
                + grown + "; " + summary);
        return summary;
    }

    private static Map<String, Long> read(Supplier<Http.Reply> jvm) {
        Http.Reply reply = jvm.get();
        assertEquals(200, reply.status(), reply.body());
        Map<String, Long> values = new HashMap<>();
        for (String line : reply.body().split("\n")) {
            String[] pair = line.split("=", 2);
            if (pair[0].equals("library")) {
                values.put("library", pair.length < 2 || pair[1].isBlank() ? 0L : pair[1].split(",").length);
            } else if (pair.length == 2) {
                values.put(pair[0], Long.parseLong(pair[1].strip()));
            }
        }
        return values;
    }
}
