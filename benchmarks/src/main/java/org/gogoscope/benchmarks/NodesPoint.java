package org.gogoscope.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * One point of {@link NodesBenchmark}: a contestant locking on a backend with {@code threads} threads in total,
 * spread evenly over {@code jvms} separate JVMs (nodes), each with its own client and pool.
 */
record NodesPoint(Backend backend, Workload workload, int threads, int jvms, Contestant contestant) {

    NodesPoint {
        if (jvms < 1 || threads < jvms || threads % jvms != 0) {
            throw new IllegalArgumentException(threads + " threads cannot be spread evenly over " + jvms + " JVMs");
        }
    }

    int threadsPerJvm() {
        return threads / jvms;
    }

    /**
     * Every point the options ask for, in run order: backend, workload, threads, JVMs, and the contestants of the
     * same configuration one after the other (so that they see the same machine state). JVM counts above the
     * thread count are left out.
     */
    static List<NodesPoint> plan(NodesOptions options) {
        List<NodesPoint> points = new ArrayList<>();
        for (Backend backend : options.backends()) {
            for (Workload workload : options.workloads()) {
                for (int threads : options.threads()) {
                    for (int jvms : options.jvms()) {
                        if (jvms > threads) {
                            continue;
                        }
                        for (Contestant contestant : options.contestants()) {
                            points.add(new NodesPoint(backend, workload, threads, jvms, contestant));
                        }
                    }
                }
            }
        }
        return points;
    }

    @Override
    public String toString() {
        return backend + " " + workload + " " + contestant + " " + threads + " thread" + (threads == 1 ? "" : "s")
                + " over " + jvms + " JVM" + (jvms == 1 ? "" : "s");
    }
}
