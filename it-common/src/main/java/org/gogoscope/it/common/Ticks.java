package org.gogoscope.it.common;

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

    /** The ticks of {@code window} that did not run exactly once. */
    public static List<Long> notExactlyOnce(Map<Long, Integer> window) {
        return window.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey).toList();
    }
}
