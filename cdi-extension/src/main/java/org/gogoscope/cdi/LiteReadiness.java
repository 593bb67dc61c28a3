package org.gogoscope.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import org.eclipse.microprofile.health.HealthCheck;

/**
 * Creates the readiness check of one store for {@link GogoscopeBuildExtension} ({@link HealthChecks#register}); public
 * because the container instantiates it from generated code. Loaded only when the MicroProfile Health API is there.
 */
public final class LiteReadiness implements SyntheticBeanCreator<HealthCheck> {

    @Override
    public HealthCheck create(Instance<Object> lookup, Parameters params) {
        String store = params.get(LiteStores.STORE, String.class);
        return new StoreReadinessCheck(store, LiteStores.started(params.get(LiteStores.USAGES, String[].class)).registry());
    }
}
