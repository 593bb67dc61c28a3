package org.gogoscope.benchmarks;

/**
 * What the threads of a {@link NodesBenchmark} point lock. Every thread loops acquire + release without pause
 * and counts the grants; the keys are a bounded set, so repeated runs reuse the same rows and keys.
 */
enum Workload {
    /**
     * All threads of all JVMs on one key: a refused try is retried at once, as in
     * {@link LockBenchmarks#contended8}, so the count is grants of the one key per second.
     */
    hot("hot key"),
    /** One key per thread, unique over all JVMs of the point: no thread ever waits for another's lock. */
    distinct("distinct keys");

    private final String label;

    Workload(String label) {
        this.label = label;
    }

    /** The name in tables and charts. */
    String label() {
        return label;
    }

    /** The key thread {@code thread} (0-based) of JVM {@code node} (0-based) locks. */
    String key(int node, int thread, int threadsPerNode) {
        return switch (this) {
            case hot -> "nodes-hot";
            case distinct -> "nodes-d" + (node * threadsPerNode + thread);
        };
    }
}
