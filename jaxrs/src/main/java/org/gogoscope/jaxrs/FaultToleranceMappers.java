package org.gogoscope.jaxrs;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Registers {@link CircuitBreakerOpenMapper} when the application can load the MicroProfile Fault Tolerance API,
 * and does nothing otherwise: an application without Fault Tolerance (WildFly gives the API only to applications
 * that use one of its annotations) still deploys with this jar, with the other mappers. This class names the API
 * only as a string, so it loads without it.
 */
@Provider
public class FaultToleranceMappers implements Feature {

    static final String BREAKER_OPEN = "org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException";

    @Override
    public boolean configure(FeatureContext context) {
        if (!faultToleranceApiPresent(FaultToleranceMappers.class.getClassLoader())) {
            return false;
        }
        if (!context.getConfiguration().isRegistered(CircuitBreakerOpenMapper.class)) {
            context.register(CircuitBreakerOpenMapper.class);
        }
        return true;
    }

    static boolean faultToleranceApiPresent(ClassLoader loader) {
        try {
            Class.forName(BREAKER_OPEN, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
