package org.gogoscope.interceptors.breaker;

import jakarta.annotation.Priority;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.MessageCode;
import org.gogoscope.interceptors.MpConfig;

/**
 * Where the host's MicroProfile Fault Tolerance interceptor sits in the interceptor chain, so the shared breaker
 * can be placed right outside it ({@link OuterSharedCircuitBreakerInterceptor}) or right inside it
 * ({@link SharedCircuitBreakerInterceptor}, wrapped by {@code @Retry} and {@code @Fallback}).
 * <ul>
 *   <li>The standard way: the host's interceptor has the priority {@code mp.fault.tolerance.interceptor.priority}
 *       (MicroProfile Fault Tolerance 2.0+), by default {@code PLATFORM_AFTER + 10}. SmallRye, Open Liberty and
 *       Helidon ({@code io.helidon.microprofile.faulttolerance.CommandInterceptor}, its own implementation) place
 *       theirs so, and the two interceptors get that priority - 1 and + 1 ({@link #interceptorPriority}).</li>
 *   <li>Payara, confined to this class: its interceptor is a programmatic bean that
 *       its extension inserts into {@code AfterTypeDiscovery.getInterceptors()} by comparing its own priority
 *       ({@code PLATFORM_AFTER + 15} by default) with the {@code @Priority} annotations of the other interceptor
 *       <em>classes</em>, not with the priorities extensions configured. The list's order is the chain's, so
 *       {@link #placeAroundHost} moves the two interceptors right before and right after it.</li>
 *   <li>Helidon, also moved in that list: its {@code CommandInterceptor} follows the standard (priority, per-method
 *       {@code enabled}), but Helidon reads the priority when it processes its interceptor's type, and its test
 *       harness ({@code @HelidonTest}) completes a test's configuration only after {@code BeforeBeanDiscovery},
 *       where the two interceptors get theirs: a moved priority would then put the host's interceptor elsewhere.
 *       Placing them next to the host's interceptor in the ordered list holds whatever either side read.</li>
 * </ul>
 */
public final class HostFaultTolerance {

    /** The standard property that moves the host's Fault Tolerance interceptor. */
    static final String PRIORITY = "mp.fault.tolerance.interceptor.priority";

    /** The specification's default priority of the Fault Tolerance interceptor. */
    static final int STANDARD = Interceptor.Priority.PLATFORM_AFTER + 10;

    /** The hosts' Fault Tolerance interceptors placed by list position: Payara's and Helidon's. */
    private static final List<String> LISTED_HOST_INTERCEPTORS = List.of(
            "fish.payara.microprofile.faulttolerance.cdi.FaultToleranceInterceptor",
            "io.helidon.microprofile.faulttolerance.CommandInterceptor");

    private HostFaultTolerance() {
    }

    /**
     * The priority of the host's Fault Tolerance interceptor in this deployment, the standard way.
     *
     * @throws ConfigurationException if {@value #PRIORITY} is not an integer
     */
    public static int interceptorPriority(MpConfig config) {
        String configured = config.value(PRIORITY).orElse(null);
        if (configured == null) {
            return STANDARD;
        }
        try {
            return Integer.parseInt(configured);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(MessageCode.INVALID_VALUE, PRIORITY, "Invalid " + PRIORITY + "='"
                    + configured + "': must be an integer (the priority of the Fault Tolerance interceptor)", e);
        }
    }

    /**
     * If Payara's or Helidon's Fault Tolerance interceptor is in {@code interceptors} (the ordered, enabled
     * interceptors of {@code AfterTypeDiscovery}, after the host's extension added it), moves {@code outer} right
     * before it and {@code inner} right after it. Elsewhere nothing changes.
     *
     * @return whether such a host interceptor was found
     */
    static boolean placeAroundHost(List<Class<?>> interceptors, Class<?> outer, Class<?> inner) {
        String hostName = LISTED_HOST_INTERCEPTORS.stream().filter(name -> indexOf(interceptors, name) >= 0)
                .findFirst().orElse(null);
        if (hostName == null) {
            return false;
        }
        for (Class<?> own : List.of(outer, inner)) {
            int index = interceptors.indexOf(own);
            if (index >= 0) {
                interceptors.remove(index);
            }
        }
        int host = indexOf(interceptors, hostName);
        interceptors.add(host, outer);
        if (host + 2 == interceptors.size()) {
            interceptors.add(inner); // Weld's list accepts no index past its last element (Helidon's is often last)
        } else {
            interceptors.add(host + 2, inner);
        }
        return true;
    }

    private static int indexOf(List<Class<?>> interceptors, String name) {
        for (int i = 0; i < interceptors.size(); i++) {
            if (interceptors.get(i).getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A {@code @Priority(value)} to put on an interceptor's annotated type. */
    public static Priority priority(int value) {
        return new PriorityLiteral(value);
    }

    @SuppressWarnings("all")
    private static final class PriorityLiteral extends AnnotationLiteral<Priority> implements Priority {
        private static final long serialVersionUID = 1L;
        private final int value;

        PriorityLiteral(int value) {
            this.value = value;
        }

        @Override
        public int value() {
            return value;
        }
    }
}
