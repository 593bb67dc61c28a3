package org.gogoscope.cdi;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.interceptor.Interceptor;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.gogoscope.api.Store;

/**
 * The go-go-scope CDI portable extension. It reads MicroProfile Config and registers, for every known store,
 * {@code @Store("<name>")} beans of {@link org.gogoscope.api.PersistenceAdapter} and the five providers, plus
 * unqualified beans: each provider from the store its kind is routed to ({@code gogoscope.lock.store}, ...,
 * default {@code default}) and the adapter of store {@code default}. All beans are {@code @ApplicationScoped}.
 *
 * <p>Lifecycle: injection points are collected during discovery; beans are added in
 * {@link AfterBeanDiscovery}; in {@link AfterDeploymentValidation} every known store is validated and every
 * used one created and connected (a store whose JNDI DataSource is not bound yet connects on first use), and
 * all problems are reported as one deployment problem; in
 * {@link BeforeShutdown} every adapter is disconnected. When the MicroProfile Health API is present, each
 * known store also gets a {@code @Readiness} health check.
 *
 * <p>Everything but the container events is {@link StoreDeployment}'s, shared with the build compatible
 * {@link GogoscopeBuildExtension} that Quarkus runs instead; a CDI Full container running both (CDI 4 requires
 * it to run build compatible extensions too) skips that one: it is {@code @SkipIfPortableExtensionPresent(GogoscopeExtension.class)}.
 */
public class GogoscopeExtension implements Extension {

    private final List<StoreUsage> usages = Collections.synchronizedList(new ArrayList<>());
    private StoreDeployment deployment;

    void collect(@Observes ProcessInjectionPoint<?, ?> event) {
        StoreUsage.of(event.getInjectionPoint()).ifPresent(usages::add);
    }

    void register(@Observes AfterBeanDiscovery event) {
        deployment = StoreDeployment.plan(ConfigProvider.getConfig(), usages);
        StorePlan plan = deployment.plan();
        if (plan == null) {
            return; // the configuration problem is reported at AfterDeploymentValidation
        }
        for (ProviderKind kind : ProviderKind.values()) {
            addBean(event, kind, plan.route(kind), "@Default", Default.Literal.INSTANCE);
            for (String store : plan.known()) {
                addBean(event, kind, store, "@Store(" + store + ")", Store.Literal.of(store));
            }
        }
        if (HealthChecks.available()) {
            HealthChecks.register(event, deployment.registry(), plan.known());
        }
    }

    private void addBean(AfterBeanDiscovery event, ProviderKind kind, String store, String id, Annotation qualifier) {
        StoreRegistry stores = deployment.registry();
        event.addBean()
                .id(GogoscopeExtension.class.getName() + "." + kind.type().getSimpleName() + id)
                .beanClass(GogoscopeExtension.class)
                .types(kind.type(), Object.class)
                .qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .createWith(context -> stores.bean(kind, store));
    }

    /**
     * Connects the used stores. A failure is thrown, not added with {@code addDeploymentProblem}, and this observer
     * runs before those of default priority: then no later observer of the failing deployment runs. One of them is
     * the server's MicroProfile Health extension (WildFly), which would register the deployment's readiness checks,
     * ours included, in the server-wide health reporter and never remove them for a deployment that fails; its
     * {@code /health/ready} would then fail on the dead deployment's checks until the server restarts.
     */
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) AfterDeploymentValidation event,
            BeanManager beans) {
        deployment.start(beans);
    }

    void stop(@Observes BeforeShutdown event) {
        if (deployment != null) {
            deployment.stop();
        }
    }
}
