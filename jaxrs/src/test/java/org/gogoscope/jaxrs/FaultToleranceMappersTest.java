package org.gogoscope.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultToleranceMappersTest {

    @Test
    void theApiIsSeenOnlyWhereItCanBeLoaded() {
        assertThat(FaultToleranceMappers.faultToleranceApiPresent(getClass().getClassLoader())).isTrue();
        // the platform class loader has no MicroProfile API
        assertThat(FaultToleranceMappers.faultToleranceApiPresent(ClassLoader.getPlatformClassLoader())).isFalse();
    }
}
