package org.gogoscope.it.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.annotation.Locked;

/**
 * A job every node of a cluster fires every {@value #PERIOD_MILLIS} ms, and the record of its runs: each run
 * writes {@code run:<variant>:<tick>:<node>:<id>} into the store's cache, where the test reads every node's runs.
 * Variant {@value #HELD} is guarded by a {@code @Locked} lock with a two-second minimum hold, half the period (the
 * trigger of each server puts it on its own timer method): a node whose timer fires up to two seconds late is
 * refused, and the lock is free two seconds before the next tick, the same slack on both sides for a loaded machine; variant {@value #UNHELD} by the same lock without the hold, and node
 * {@code b}'s timer fires {@value #LATE_MILLIS} ms late: the duplicates the minimum hold prevents.
 */
@ApplicationScoped
public class TickJob {

    public static final long PERIOD_MILLIS = 4_000;
    public static final long LATE_MILLIS = 300;
    public static final String HELD = "held";
    public static final String UNHELD = "unheld";

    @Inject
    CacheProvider cache;

    /** The tick a timer fired for, counted in periods since 1970 (a run starts within a period of its tick). */
    public static long tick() {
        return System.currentTimeMillis() / PERIOD_MILLIS;
    }

    /** Records one run of {@code variant} for {@code tick} on {@code node}. */
    public void record(String variant, long tick, String node) {
        cache.set("run:" + variant + ":" + tick + ":" + node + ":" + UUID.randomUUID(), node, Duration.ofMinutes(10));
    }

    /** The unheld variant: guarded by a lock that is released as soon as the run ends. */
    @Locked(key = "tick-job-without-hold", ttl = 10, onNotAcquired = Locked.OnNotAcquired.SKIP)
    public void runWithoutMinHold(long tick, String node) {
        record(UNHELD, tick, node);
    }

    /** For servers without EJB timers: the held variant on a CDI method. */
    @Locked(key = "tick-job", ttl = 10, minHold = 2, minHoldUnit = ChronoUnit.SECONDS,
            onNotAcquired = Locked.OnNotAcquired.SKIP)
    public void runOncePerCluster(String node) {
        record(HELD, tick(), node);
    }

    /** Every run of {@code variant} recorded so far, as {@code <tick>:<node>:<id>}. */
    public List<String> runs(String variant) {
        String head = "run:" + variant + ":";
        return cache.keys(head + "*").stream().map(key -> key.substring(head.length())).sorted().toList();
    }
}
