package org.gogoscope.it.payara;

import org.gogoscope.it.common.InterceptorsContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link InterceptorsContract} inside Payara Micro, with Payara's own MicroProfile Fault Tolerance (not SmallRye,
 * its interceptor at {@code PLATFORM_AFTER + 15} and inserted into the list by class annotations), on a Redis
 * store: {@code @Locked}, {@code @Idempotent}, the shared {@code @CircuitBreaker} in effect (Payara's own breaker
 * off, a second bean sharing the name) and {@code @Fallback} wrapping it.
 */
@ExtendWith(ArquillianExtension.class)
class InterceptorsIT extends InterceptorsContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.interceptedWar("interceptors", """
                gogoscope.store.default.backend=redis
                gogoscope.store.default.redis.uri=redis://127.0.0.1:6379
                gogoscope.store.default.key-prefix=%s
                """.formatted(Deployments.uniquePrefix("interceptors")), InterceptorsIT.class)
                .addClasses(InterceptorsContract.deploymentClasses());
    }
}
