package org.gogoscope.it.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Client side: the runs {@link TickJob#runs} returned, counted per tick, and the ticks to judge: those in which
 * every node's timer certainly fired (not the first and last ticks seen, when a node may have been deploying).
 */
public record Ticks(Map<Long, Integer> runsPerTick) {

    /** From the lines {@code <tick>:<node>:<id>}. */
    public static Ticks of(String body) {
        Map<Long, Integer> perTick = new TreeMap<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                perTick.merge(Long.parseLong(line.substring(0, line.indexOf(':'))), 1, Integer::sum);
            }
        }
        return new Ticks(perTick);
    }

    /** The runs per tick between {@code from} and {@code to}, both included; a tick without a run counts 0. */
    public Map<Long, Integer> between(long from, long to) {
        Map<Long, Integer> window = new TreeMap<>();
        for (long tick = from; tick <= to; tick++) {
            window.put(tick, runsPerTick.getOrDefault(tick, 0));
        }
        return window;
    }

    /** How many ticks of {@code window} had more than one run. */
    public static long duplicated(Map<Long, Integer> window) {
        return window.values().stream().filter(runs -> runs > 1).count();
    }

    /**
     * In the server, where {@code job}'s timers fire: waits for {@code count} whole ticks, then asserts that each ran
     * the held variant exactly once and that the control without the minimum hold ran at least half of them twice
     * (so the judgement can fail). Prints both windows as {@code TICKS ...} lines for the README's figures.
     */
    public static void judgeInServer(TickJob job, int count) throws InterruptedException {
        long first = TickJob.tick() + 1;
        long last = first + count - 1;
        while (TickJob.tick() <= last + 1) {
            Thread.sleep(250);
        }
        Map<Long, Integer> once = of(String.join("\n", job.runs(TickJob.HELD))).between(first, last);
        System.out.printf("TICKS with the minimum hold: %s%n", once);
        assertEquals(count, once.size());
        assertTrue(notExactlyOnce(once).isEmpty(), "ticks that did not run exactly once: " + notExactlyOnce(once)
                + " in " + once);
        Map<Long, Integer> control = of(String.join("\n", job.runs(TickJob.UNHELD))).between(first, last);
        System.out.printf("TICKS without it, one timer %d ms late: %s%n", TickJob.LATE_MILLIS, control);
        assertTrue(duplicated(control) >= count / 2, "without the minimum hold the late timer should run most ticks "
                + "again: " + control);
    }

    /** The ticks of {@code window} that did not run exactly once. */
    public static List<Long> notExactlyOnce(Map<Long, Integer> window) {
        return window.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey).toList();
    }
}
