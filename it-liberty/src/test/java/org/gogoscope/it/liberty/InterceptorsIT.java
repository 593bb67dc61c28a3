package org.gogoscope.it.liberty;

import org.gogoscope.it.common.InterceptorsContract;
import org.gogoscope.it.common.Orders;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link InterceptorsContract} inside Open Liberty, with Liberty's own MicroProfile Fault Tolerance (not
 * SmallRye): {@code @Locked}, {@code @Idempotent}, the shared {@code @CircuitBreaker} in effect (a second bean
 * sharing the name) and {@code @Fallback} wrapping it, on a store whose backend is Liberty's dataSource
 * {@code jdbc/GogoPostgres}: the intercepted bean {@link Orders} needs the providers, so the CDI extension
 * connects the store at deployment ({@code AfterDeploymentValidation}) while Liberty deploys the application.
 */
@ExtendWith(ArquillianExtension.class)
class InterceptorsIT extends InterceptorsContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("interceptors", """
                gogoscope.store.default.backend=postgresql
                gogoscope.store.default.datasource=jdbc/GogoPostgres
                gogoscope.store.default.key-prefix=%s
                """.formatted(Deployments.uniquePrefix("interceptors")), InterceptorsIT.class)
                .addClasses(InterceptorsContract.deploymentClasses());
    }
}
