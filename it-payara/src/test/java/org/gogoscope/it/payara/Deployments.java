package org.gogoscope.it.payara;

import java.io.File;
import java.util.Arrays;
import org.gogoscope.it.common.StoreContract;
import org.gogoscope.it.common.Wars;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the test applications with it-common's {@link Wars} (the library jars in {@code WEB-INF/lib}, a
 * {@code microprofile-config.properties}, the given classes), plus what is Payara's own: applications with a
 * SQL store carry a {@code WEB-INF/glassfish-resources.xml} defining their application-scoped JDBC resources
 * ({@link #withJdbcResources}); the drivers are on the server's class path ({@code --addLibs}). Store
 * applications go without gogoscope-interceptors, applications using the annotations with it.
 */
final class Deployments {

    private static final String MODULE = "it-payara";

    private Deployments() {
    }

    /** A WAR without gogoscope-interceptors. */
    static WebArchive war(String name, String config, Class<?>... classes) {
        File[] libraries = Arrays.stream(Wars.libraries())
                .filter(jar -> !jar.getName().startsWith("gogoscope-interceptors")).toArray(File[]::new);
        return Wars.war(name, config, libraries, classes);
    }

    /** A WAR with gogoscope-interceptors, for applications that use the annotations. */
    static WebArchive interceptedWar(String name, String config, Class<?>... classes) {
        return Wars.war(name, config, classes);
    }

    /**
     * A WAR (without gogoscope-interceptors) running {@link StoreContract} through {@code testClass} on store
     * {@code default} of {@code backend}, configured further by {@code settings}.
     */
    static WebArchive storeWar(Class<? extends StoreContract> testClass, String backend, String settings) {
        return war(backend, Wars.storeConfig(MODULE, backend, settings), testClass)
                .addClasses(StoreContract.deploymentClasses());
    }

    /**
     * Adds the application-scoped JDBC resources {@code java:app/jdbc/GogoPostgres},
     * {@code java:app/jdbc/GogoMariaDB} and {@code java:app/jdbc/GogoSQLite} (transactional, like every
     * Payara JDBC resource).
     */
    static WebArchive withJdbcResources(WebArchive war) {
        File dir = new File(Wars.property("sqlite.dir"));
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IllegalStateException("cannot create the SQLite directory " + dir);
        }
        String sqlite = new File(dir, "gogoscope.db").getAbsolutePath();
        return war.addAsWebInfResource(new StringAsset("""
                        <!DOCTYPE resources PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Resource Definitions//EN"
                            "http://glassfish.org/dtds/glassfish-resources_1_5.dtd">
                        <resources>
                          <jdbc-connection-pool name="java:app/GogoPostgresPool" res-type="java.sql.Driver"
                              driver-classname="org.postgresql.Driver" steady-pool-size="0" max-pool-size="20">
                            <property name="URL" value="jdbc:postgresql://127.0.0.1:5432/test"/>
                            <property name="user" value="postgres"/>
                            <property name="password" value=""/>
                          </jdbc-connection-pool>
                          <jdbc-resource jndi-name="java:app/jdbc/GogoPostgres" pool-name="java:app/GogoPostgresPool"/>
                          <jdbc-connection-pool name="java:app/GogoMariaDBPool" res-type="java.sql.Driver"
                              driver-classname="org.mariadb.jdbc.Driver" steady-pool-size="0" max-pool-size="20">
                            <property name="URL" value="jdbc:mariadb://127.0.0.1:3306/test"/>
                            <property name="user" value="root"/>
                            <property name="password" value=""/>
                          </jdbc-connection-pool>
                          <jdbc-resource jndi-name="java:app/jdbc/GogoMariaDB" pool-name="java:app/GogoMariaDBPool"/>
                          <jdbc-connection-pool name="java:app/GogoSQLitePool" res-type="java.sql.Driver"
                              driver-classname="org.sqlite.JDBC" steady-pool-size="0" max-pool-size="4">
                            <property name="URL" value="jdbc:sqlite:%s?busy_timeout=10000&amp;journal_mode=WAL"/>
                          </jdbc-connection-pool>
                          <jdbc-resource jndi-name="java:app/jdbc/GogoSQLite" pool-name="java:app/GogoSQLitePool"/>
                        </resources>
                        """.formatted(sqlite)), "glassfish-resources.xml");
    }

    /** A key prefix no other run or test class uses, e.g. {@code it-payara:memory:1f3a9c0d:}. */
    static String uniquePrefix(String what) {
        return Wars.uniquePrefix(MODULE, what);
    }
}
