package org.gogoscope.cdi;

import java.util.List;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.MessageCode;

/**
 * A store's {@code gogoscope.store.<name>.datasource} names a JNDI DataSource in one of the Jakarta EE namespaces
 * an application can define resources in ({@code java:comp/}, {@code java:module/}, {@code java:app/},
 * {@code java:global/}) and it is not bound (a {@code javax.naming.NameNotFoundException}). At deployment this is
 * not an error: Payara, for one, binds a WAR's application-scoped resources ({@code java:app/jdbc/...} from
 * {@code glassfish-resources.xml}) only after CDI's {@code AfterDeploymentValidation}, so the store connects on
 * first use instead. On first use it is the exception the caller gets, naming the store, the property and the
 * JNDI name. A name in a server's own namespace ({@code java:jboss/...}, {@code jdbc/...}) is bound before any
 * application deploys, so its absence still fails the deployment.
 */
final class DataSourceNotBoundException extends ConfigurationException {

    private static final long serialVersionUID = 1L;

    /** The relative name of the property holding the JNDI name. */
    static final String DATASOURCE = "datasource";

    DataSourceNotBoundException(StoreSpec spec, RuntimeException failure) {
        super(MessageCode.DATASOURCE_NOT_BOUND, GogoscopeConfig.property(spec.name(), DATASOURCE), message(spec, failure),
                spec.redactor().isClean(failure) ? failure : null);
    }

    /** The namespaces in which a deployment can define its own resources, bound by the container as it deploys. */
    private static final List<String> APPLICATION_NAMESPACES = List.of("java:comp/", "java:module/", "java:app/",
            "java:global/");

    /**
     * Whether {@code failure} to connect {@code spec} is a configured {@code datasource} in an application
     * namespace that is not bound in JNDI (yet).
     */
    static boolean applies(StoreSpec spec, Throwable failure) {
        String name = spec.properties().get(DATASOURCE);
        if (name == null || APPLICATION_NAMESPACES.stream().noneMatch(name::startsWith)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.naming.NameNotFoundException) {
                return true;
            }
        }
        return false;
    }

    private static String message(StoreSpec spec, RuntimeException failure) {
        String property = GogoscopeConfig.property(spec.name(), DATASOURCE);
        return spec.redactor().redact("Store '" + spec.name() + "' (" + spec.backendShown()
                + ") could not connect: no DataSource is bound under the JNDI name '"
                + spec.properties().get(DATASOURCE) + "' of " + property + " (" + rootCause(failure) + ")");
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }
}
