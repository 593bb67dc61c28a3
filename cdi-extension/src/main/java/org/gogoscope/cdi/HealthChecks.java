package org.gogoscope.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.PassivationCapable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;
import org.gogoscope.api.Store;

/**
 * Registers one {@code @Readiness} {@link HealthCheck} per store. This is the only class besides
 * {@link StoreReadinessCheck} that links to the MicroProfile Health API; the extension calls it only when
 * {@link #available()} says the API is on the class path.
 *
 * <p><b>Why a hand-written {@link Bean}, and which bean class</b> (and not {@code event.addBean()} like the
 * provider beans): a container with several bean archives puts a bean added through
 * {@link AfterBeanDiscovery#addBean(Bean)} into the archive of its bean class, and one added through the
 * configurator {@code addBean()} into the archive of the extension's class, whatever {@code beanClass(...)} says.
 * The health implementation must see the archive, and so must the application. The two hosts differ, and
 * {@link #beanClass()} is the one place that knows it:
 * <ul>
 *   <li>WildFly (the Health API loaded by a JBoss Modules class loader): the extension's classes in
 *       {@code WEB-INF/lib} (a jar without {@code beans.xml}) get an extra archive that the application sees but
 *       the server's MicroProfile Health does not; it selects {@code @Readiness HealthCheck} beans through the
 *       bean manager of its module's archive, which sees only the deployment's top-level archive and the
 *       archives of the modules it depends on. So the bean class is {@link HealthCheck}: the bean goes to the
 *       Health API module's archive, which the health implementation and the application both see.</li>
 *   <li>Everywhere else (Open Liberty, Payara, Weld SE): the bean class is {@link StoreReadinessCheck}, the
 *       extension's own archive. On Open Liberty the Health API's bundle archive is visible to neither the
 *       application nor the server's health endpoint, so bean class {@link HealthCheck} made the checks vanish.</li>
 * </ul>
 * Types, qualifiers, scope and instances are the same either way.
 */
final class HealthChecks {

    private HealthChecks() {
    }

    static boolean available() {
        try {
            Class.forName("org.eclipse.microprofile.health.HealthCheck", false, HealthChecks.class.getClassLoader());
            Class.forName("org.eclipse.microprofile.health.Readiness", false, HealthChecks.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The bean class that puts the checks into an archive both the host's health endpoint and the application see. */
    static Class<?> beanClass() {
        ClassLoader api = HealthCheck.class.getClassLoader();
        boolean jbossModules = api != null && api.getClass().getName().startsWith("org.jboss.modules.");
        return jbossModules ? HealthCheck.class : StoreReadinessCheck.class;
    }

    static void register(AfterBeanDiscovery event, StoreRegistry registry, Collection<String> stores) {
        for (String store : stores) {
            event.addBean(new ReadinessBean(store, registry));
        }
    }

    /** The same checks for {@link GogoscopeBuildExtension}: synthetic beans whose instances {@link LiteReadiness} makes. */
    static void register(SyntheticComponents components, Collection<String> stores, String[] usages) {
        for (String store : stores) {
            components.addBean(HealthCheck.class).type(HealthCheck.class).qualifier(Readiness.Literal.INSTANCE)
                    .qualifier(Store.Literal.of(store)).qualifier(Any.Literal.INSTANCE).scope(Dependent.class)
                    .createWith(LiteReadiness.class).withParam(LiteStores.STORE, store)
                    .withParam(LiteStores.USAGES, usages);
        }
    }

    /** The {@code @Dependent @Readiness @Store(store)} bean of one store's {@link StoreReadinessCheck}. */
    private record ReadinessBean(String store, StoreRegistry registry) implements Bean<HealthCheck>, PassivationCapable {

        @Override
        public Class<?> getBeanClass() {
            return beanClass();
        }

        @Override
        public String getId() {
            return HealthChecks.class.getName() + "." + store;
        }

        @Override
        public Set<Type> getTypes() {
            return Set.of(HealthCheck.class, Object.class);
        }

        @Override
        public Set<Annotation> getQualifiers() {
            return Set.of(Readiness.Literal.INSTANCE, Store.Literal.of(store), Any.Literal.INSTANCE);
        }

        @Override
        public Class<? extends Annotation> getScope() {
            return Dependent.class;
        }

        @Override
        public String getName() {
            return null;
        }

        @Override
        public Set<Class<? extends Annotation>> getStereotypes() {
            return Set.of();
        }

        @Override
        public boolean isAlternative() {
            return false;
        }

        @Override
        public Set<InjectionPoint> getInjectionPoints() {
            return Set.of();
        }

        @Override
        public HealthCheck create(CreationalContext<HealthCheck> context) {
            return new StoreReadinessCheck(store, registry);
        }

        @Override
        public void destroy(HealthCheck instance, CreationalContext<HealthCheck> context) {
            context.release();
        }
    }
}
