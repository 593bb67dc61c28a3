package org.gogoscope.it.wildfly;

import org.gogoscope.it.common.InterceptorsContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link InterceptorsContract} inside WildFly, with WildFly's SmallRye Fault Tolerance (its interceptor at
 * {@code PLATFORM_AFTER + 10}; the application uses Fault Tolerance annotations, so WildFly gives it the API), on
 * the JTA DataSource {@code java:jboss/datasources/GogoMariaDB}: {@code @Locked}, {@code @Idempotent}, the shared
 * {@code @CircuitBreaker} in effect (a second bean sharing the name) and {@code @Fallback} wrapping it. The
 * two-node tests show the same annotations across two servers over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class InterceptorsIT extends InterceptorsContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("interceptors", """
                gogoscope.store.default.backend=mariadb
                gogoscope.store.default.datasource=java:jboss/datasources/GogoMariaDB
                gogoscope.store.default.key-prefix=%s
                """.formatted(Deployments.uniquePrefix("interceptors")), InterceptorsIT.class)
                .addClasses(InterceptorsContract.deploymentClasses());
    }
}
