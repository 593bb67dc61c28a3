package org.gogoscope.interceptors.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.gogoscope.interceptors.locked.LockedInterceptor;

/**
 * Payara inserts its Fault Tolerance interceptor into {@code AfterTypeDiscovery.getInterceptors()} by the
 * {@code @Priority} of the interceptor classes; the shared breaker's interceptors are then moved around it.
 */
class HostFaultToleranceTest {

    private static final Class<?> PAYARA = fish.payara.microprofile.faulttolerance.cdi.FaultToleranceInterceptor.class;

    @Test
    void onPayaraTheOuterInterceptorGoesRightBeforeItsInterceptorAndTheInnerOneRightAfter() {
        // the order Payara 6.2025.10 produced: its interceptor after both of ours (classes say 4009 and 4011)
        List<Class<?>> interceptors = new ArrayList<>(List.of(LockedInterceptor.class,
                OuterSharedCircuitBreakerInterceptor.class, SharedCircuitBreakerInterceptor.class, PAYARA,
                String.class));
        assertThat(FaultToleranceSupport.placeAroundPayara(interceptors)).isTrue();
        assertThat(interceptors).containsExactly(LockedInterceptor.class, OuterSharedCircuitBreakerInterceptor.class,
                PAYARA, SharedCircuitBreakerInterceptor.class, String.class);
    }

    @Test
    void elsewhereTheOrderIsLeftToThePriorities() {
        List<Class<?>> interceptors = new ArrayList<>(List.of(OuterSharedCircuitBreakerInterceptor.class,
                SharedCircuitBreakerInterceptor.class, String.class));
        assertThat(FaultToleranceSupport.placeAroundPayara(interceptors)).isFalse();
        assertThat(interceptors).containsExactly(OuterSharedCircuitBreakerInterceptor.class,
                SharedCircuitBreakerInterceptor.class, String.class);
    }
}
