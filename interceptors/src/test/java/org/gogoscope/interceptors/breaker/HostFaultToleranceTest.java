package org.gogoscope.interceptors.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.gogoscope.interceptors.locked.LockedInterceptor;

/**
 * Payara inserts its Fault Tolerance interceptor into {@code AfterTypeDiscovery.getInterceptors()} by the
 * {@code @Priority} of the interceptor classes, and Helidon's may sit at a priority read later than the shared
 * breaker's; the shared breaker's interceptors are then moved around it in the list.
 */
class HostFaultToleranceTest {

    private static final Class<?> PAYARA = fish.payara.microprofile.faulttolerance.cdi.FaultToleranceInterceptor.class;
    private static final Class<?> HELIDON = io.helidon.microprofile.faulttolerance.CommandInterceptor.class;

    @Test
    void onPayaraTheOuterInterceptorGoesRightBeforeItsInterceptorAndTheInnerOneRightAfter() {
        // the order Payara 6.2025.10 produced: its interceptor after both of ours (classes say 4009 and 4011)
        List<Class<?>> interceptors = new ArrayList<>(List.of(LockedInterceptor.class,
                OuterSharedCircuitBreakerInterceptor.class, SharedCircuitBreakerInterceptor.class, PAYARA,
                String.class));
        assertThat(FaultToleranceSupport.placeAroundHost(interceptors)).isTrue();
        assertThat(interceptors).containsExactly(LockedInterceptor.class, OuterSharedCircuitBreakerInterceptor.class,
                PAYARA, SharedCircuitBreakerInterceptor.class, String.class);
    }

    @Test
    void onHelidonTheyGoRightAroundItsInterceptorWhereverItsPriorityPutIt() {
        // mp.fault.tolerance.interceptor.priority=6000 read by Helidon, ours still at 4009 and 4011
        List<Class<?>> interceptors = new ArrayList<>(List.of(OuterSharedCircuitBreakerInterceptor.class,
                SharedCircuitBreakerInterceptor.class, LockedInterceptor.class, HELIDON, String.class));
        assertThat(FaultToleranceSupport.placeAroundHost(interceptors)).isTrue();
        assertThat(interceptors).containsExactly(LockedInterceptor.class, OuterSharedCircuitBreakerInterceptor.class,
                HELIDON, SharedCircuitBreakerInterceptor.class, String.class);
    }

    @Test
    void theInnerInterceptorIsAppendedWhenTheHostsIsTheLast() {
        List<Class<?>> interceptors = new ArrayList<>(List.of(OuterSharedCircuitBreakerInterceptor.class,
                SharedCircuitBreakerInterceptor.class, LockedInterceptor.class, HELIDON));
        assertThat(FaultToleranceSupport.placeAroundHost(interceptors)).isTrue();
        assertThat(interceptors).containsExactly(LockedInterceptor.class, OuterSharedCircuitBreakerInterceptor.class,
                HELIDON, SharedCircuitBreakerInterceptor.class);
    }

    @Test
    void elsewhereTheOrderIsLeftToThePriorities() {
        List<Class<?>> interceptors = new ArrayList<>(List.of(OuterSharedCircuitBreakerInterceptor.class,
                SharedCircuitBreakerInterceptor.class, String.class));
        assertThat(FaultToleranceSupport.placeAroundHost(interceptors)).isFalse();
        assertThat(interceptors).containsExactly(OuterSharedCircuitBreakerInterceptor.class,
                SharedCircuitBreakerInterceptor.class, String.class);
    }
}
