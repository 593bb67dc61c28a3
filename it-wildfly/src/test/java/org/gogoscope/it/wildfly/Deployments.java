package org.gogoscope.it.wildfly;

import org.gogoscope.it.common.Wars;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the test applications with it-common's {@link Wars}: a WAR with all the library jars in
 * {@code WEB-INF/lib} (gogoscope-interceptors included, whether or not the application uses MicroProfile Fault
 * Tolerance), a {@code microprofile-config.properties} and the given classes, the way an application would ship.
 * The DataSources are the server's ({@code src/test/wildfly/datasources.cli}); a WAR names only their JNDI names.
 */
final class Deployments {

    private static final String MODULE = "it-wildfly";

    private Deployments() {
    }

    /**
     * A WAR named {@code name}.war whose MicroProfile Config is {@code config}. Every store configured in it should
     * use {@link #uniquePrefix(String)} so that runs never see each other's keys.
     */
    static WebArchive war(String name, String config, Class<?>... classes) {
        return Wars.war(name, config, classes);
    }

    /** A WAR running the store contract through {@code testClass} (with {@link WildFlyStoreContract#CLASSES}). */
    static WebArchive storeWar(String name, String config, Class<? extends WildFlyStoreContract> testClass) {
        return war(name, config, testClass).addClasses(WildFlyStoreContract.CLASSES);
    }

    /** A key prefix no other run or test class uses, e.g. {@code it-wildfly:memory:1f3a9c0d:}. */
    static String uniquePrefix(String what) {
        return Wars.uniquePrefix(MODULE, what);
    }
}
