package org.gogoscope.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import java.util.Collection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * Registers one {@code @Readiness} {@link HealthCheck} per store. This is the only class besides
 * {@link StoreReadinessCheck} that links to the MicroProfile Health API; the extension calls it only when
 * {@link #available()} says the API is on the class path.
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

    static void register(AfterBeanDiscovery event, StoreRegistry registry, Collection<String> stores) {
        for (String store : stores) {
            event.addBean()
                    .id(HealthChecks.class.getName() + "." + store)
                    .beanClass(StoreReadinessCheck.class)
                    .types(HealthCheck.class, Object.class)
                    .qualifiers(Readiness.Literal.INSTANCE, StoreLiteral.of(store), Any.Literal.INSTANCE)
                    .scope(Dependent.class)
                    .createWith(context -> new StoreReadinessCheck(store, registry));
        }
    }
}
