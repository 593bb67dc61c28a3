package org.gogoscope.it.liberty;

import java.io.File;
import org.gogoscope.it.common.StoreContract;
import org.gogoscope.it.common.Wars;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the test applications with it-common's {@link Wars}: a WAR with the library jars in {@code WEB-INF/lib}
 * (gogoscope-interceptors included, nothing Liberty provides), a {@code microprofile-config.properties} and the
 * given classes. The dataSources are the server's ({@code server.xml}); a WAR names only their JNDI names in its
 * configuration.
 */
final class Deployments {

    private static final String MODULE = "it-liberty";

    private Deployments() {
    }

    /** A WAR named {@code name}.war whose MicroProfile Config is {@code config}. */
    static WebArchive war(String name, String config, Class<?>... classes) {
        return Wars.war(name, config, classes);
    }

    /** A WAR running {@link StoreContract} through {@code testClass} on store {@code default} of {@code backend}. */
    static WebArchive storeWar(Class<? extends StoreContract> testClass, String backend, String storeConfig) {
        return war(backend, Wars.storeConfig(MODULE, backend, storeConfig), testClass)
                .addClasses(StoreContract.deploymentClasses());
    }

    /** A key prefix no other run or test class uses, e.g. {@code it-liberty:memory:1f3a9c0d:}. */
    static String uniquePrefix(String what) {
        return Wars.uniquePrefix(MODULE, what);
    }

    /** The directory of the SQLite file of dataSource {@code jdbc/GogoSQLite}, created if absent. */
    static File sqliteDirectory() {
        File dir = new File(Wars.property("sqlite.dir"));
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IllegalStateException("cannot create the SQLite directory " + dir);
        }
        return dir;
    }
}
