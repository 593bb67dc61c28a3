package org.gogoscope.benchmarks;

/**
 * One run of a {@link NodesPoint}: what its JVMs counted in the measured window, summed over them.
 *
 * @param grantsPerSecond sum over the JVMs of each one's grants divided by its own measured window
 * @param grants          granted acquire + release in the window, all threads
 * @param attempts        tries in the window (a hot key refuses most of them; distinct keys none)
 * @param errors          tries that threw instead of answering granted or refused
 * @param windowSeconds   the measured window, mean over the JVMs
 * @param firstError      the first exception a JVM saw, if any ({@code null} if none)
 */
record NodesRun(double grantsPerSecond, long grants, long attempts, long errors, double windowSeconds,
        String firstError) {
}
