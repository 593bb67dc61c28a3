package org.gogoscope.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanBuilder;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.interceptor.Interceptor;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.Store;
import org.gogoscope.core.spi.CdiLite;

/**
 * The go-go-scope extension for CDI Lite containers, which run build compatible extensions and no portable ones
 * (Quarkus' ArC): the same beans, qualifiers, scope and lifecycle as {@link GogoscopeExtension}, through the same
 * {@link StoreDeployment}.
 *
 * <ul>
 *   <li>At build time the injection points are collected ({@link Registration}) and the stores planned from the
 *       configuration the build sees ({@link Synthesis}): one {@code @ApplicationScoped} synthetic bean per provider
 *       kind and known store ({@code @Store(name)}, plus the routed {@code @Default} one, each also {@code @Any}),
 *       a {@code @Readiness} check per known store when the MicroProfile Health API is there, and an observer of
 *       {@code Startup} and one of {@code Shutdown}. So store names and routing are fixed when the application is
 *       built, as the beans are.</li>
 *   <li>At run time the plan is made again from the run-time configuration and the same injection points
 *       ({@link LiteStores}), every known store validated and the used ones connected when {@code Startup} is
 *       observed (or when a bean is first needed, if earlier), every problem reported in one
 *       {@code DeploymentException} that fails the start, and every store disconnected at {@code Shutdown}.</li>
 * </ul>
 *
 * <p>A CDI Full container (Weld: WildFly, Payara, Helidon; Open Liberty) runs portable and build compatible
 * extensions alike, so this one is {@link SkipIfPortableExtensionPresent skipped} wherever {@link GogoscopeExtension}
 * runs, and in case a container runs it anyway (Helidon MP 4.3 ran the interceptors' one) it acts only on ArC
 * ({@link CdiLite}): there every bean is registered once, by the portable extension.
 */
@SkipIfPortableExtensionPresent(GogoscopeExtension.class)
public class GogoscopeBuildExtension implements BuildCompatibleExtension {

    private final List<StoreUsage> usages = new ArrayList<>();

    /** The qualifier {@code @Store} is in gogoscope-api, a jar the container does not index by itself. */
    @Discovery
    public void discover(ScannedClasses scan) {
        if (!CdiLite.ON_ARC) {
            return; // a CDI Full container: the portable extension is in charge
        }
        scan.add(Store.class.getName());
    }

    @Registration(types = Object.class)
    public void collect(BeanInfo bean) {
        if (!CdiLite.ON_ARC) {
            return; // a CDI Full container: the portable extension is in charge
        }
        bean.injectionPoints().forEach(ip -> LiteUsages.of(ip).ifPresent(usages::add));
    }

    @Synthesis
    public void register(SyntheticComponents components, Messages messages) {
        if (!CdiLite.ON_ARC) {
            return; // a CDI Full container: the portable extension is in charge
        }
        StorePlan plan;
        try {
            plan = StorePlan.of(new GogoscopeConfig(ConfigProvider.getConfig()), List.copyOf(usages));
        } catch (ConfigurationException e) {
            messages.error(StoreDeployment.deploymentProblem(List.of(e)));
            return;
        }
        String[] encoded = usages.stream().map(StoreUsage::encode).toArray(String[]::new);
        for (ProviderKind kind : ProviderKind.values()) {
            addBean(components, kind, plan.route(kind), Default.Literal.INSTANCE, encoded);
            for (String store : plan.known()) {
                addBean(components, kind, store, Store.Literal.of(store), encoded);
            }
        }
        if (HealthChecks.available()) {
            HealthChecks.register(components, plan.known(), encoded);
        }
        components.addObserver(Startup.class).priority(Interceptor.Priority.LIBRARY_BEFORE)
                .observeWith(LiteStores.OnStartup.class).withParam(LiteStores.USAGES, encoded);
        components.addObserver(Shutdown.class).observeWith(LiteStores.OnShutdown.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void addBean(SyntheticComponents components, ProviderKind kind, String store, Annotation qualifier,
            String[] usages) {
        SyntheticBeanBuilder bean = components.addBean(kind.type());
        bean.type(kind.type()).qualifier(qualifier).qualifier(Any.Literal.INSTANCE).scope(ApplicationScoped.class)
                .createWith(LiteStores.Creator.class)
                .withParam(LiteStores.KIND, kind.name()).withParam(LiteStores.STORE, store)
                .withParam(LiteStores.USAGES, usages);
    }

}
