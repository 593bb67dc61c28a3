package org.gogoscope.interceptors;

import java.time.Duration;
import java.util.List;
import org.gogoscope.core.config.Property;
import org.gogoscope.core.config.PropertySet;

/**
 * The interceptors' own properties: how MicroProfile {@code @CircuitBreaker}s are shared, how {@code @Locked}
 * calls end when the application stops, and which threads run background work. The annotations' members
 * and MicroProfile Fault Tolerance's {@code <class>/<method>/CircuitBreaker/<member>} properties are read as the
 * specification says, not declared here.
 */
public final class InterceptorProperties implements PropertySet {

    public static final Property<Boolean> SHARED = Property.bool("gogoscope.circuit-breaker.shared").global()
            .defaultValue(false, "`false`")
            .meaning("Share every MicroProfile `@CircuitBreaker` of the application, not only those with "
                    + "`@SharedCircuitBreaker`.");

    public static final Property<Duration> STALENESS = Property.duration("gogoscope.circuit-breaker.staleness")
            .global().defaultValue(Duration.ZERO, "`0s`").must(d -> !d.isNegative(), "at least 0s")
            .meaning("How old a node's view of a shared breaker may be: `0` reads and writes the backend on every "
                    + "call; more lets calls through a closed breaker without a round trip and sees another node's "
                    + "opening at most this late (interceptors README, \"Staleness\").");

    public static final Property<Duration> PROBE_LEASE = Property.duration("gogoscope.circuit-breaker.probe-lease")
            .global().defaultValue(Duration.ofSeconds(30), "`30s`")
            .must(Property.atLeast(Duration.ofMillis(1)), "at least 1ms")
            .meaning("How long a half-open breaker's probe permits stay taken before they are handed out again (a "
                    + "probe whose node died never reports).");

    public static final Property<Duration> LOCK_SHUTDOWN_WAIT = Property.duration("gogoscope.lock.shutdown-wait")
            .global().defaultValue(Duration.ofSeconds(10), "`10s`").must(d -> !d.isNegative(), "at least 0s")
            .meaning("When the application stops, how long `@Locked` calls in flight may go on before their locks "
                    + "are released (new calls are refused at once).");

    public static final Property<String> EXECUTORS = Property.oneOf("gogoscope.executors", "container", "owned")
            .global().defaultValue("container", "`container`")
            .meaning("Where the lock watchdog and the shared breakers' early outcomes run: `container` uses the "
                    + "container's default managed executors where it has them (Jakarta EE), else threads the "
                    + "application owns and stops with it; `owned` always uses the application's own threads "
                    + "(interceptors README, \"Threads\").");

    @Override
    public String module() {
        return "gogoscope-interceptors";
    }

    @Override
    public List<Property<?>> properties() {
        return List.of(SHARED, STALENESS, PROBE_LEASE, LOCK_SHUTDOWN_WAIT, EXECUTORS);
    }
}
