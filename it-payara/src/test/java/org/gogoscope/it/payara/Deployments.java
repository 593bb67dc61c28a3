package org.gogoscope.it.payara;

import java.io.File;
import java.util.Arrays;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the test applications: a WAR with the library jars in {@code WEB-INF/lib} (every jar the build copied
 * to {@code target/app-libs}: the gogoscope jars and their own dependencies, nothing the server provides), a
 * {@code microprofile-config.properties} and the given classes. Applications with a SQL store also carry a
 * {@code WEB-INF/glassfish-resources.xml} defining their application-scoped JDBC resources, Payara's own way
 * ({@link #withJdbcResources}); the drivers are on the server's class path ({@code --addLibs}).
 */
final class Deployments {

    private static final String INTERCEPTORS = "gogoscope-interceptors";

    private Deployments() {
    }

    /** A WAR without gogoscope-interceptors. */
    static WebArchive war(String name, String config, Class<?>... classes) {
        return archive(name, config, false, classes);
    }

    /** A WAR with gogoscope-interceptors, for applications that use the annotations. */
    static WebArchive interceptedWar(String name, String config, Class<?>... classes) {
        return archive(name, config, true, classes);
    }

    /**
     * Adds the application-scoped JDBC resources {@code java:app/jdbc/GogoPostgres},
     * {@code java:app/jdbc/GogoMariaDB} and {@code java:app/jdbc/GogoSQLite} (transactional, like every
     * Payara JDBC resource).
     */
    static WebArchive withJdbcResources(WebArchive war) {
        String sqlite = new File(property("sqlite.dir"), "gogoscope.db").getAbsolutePath();
        new File(property("sqlite.dir")).mkdirs();
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

    /** A key prefix no other run or test class uses, e.g. {@code it-payara:memory:1f3a9c:}. */
    static String uniquePrefix(String what) {
        return "it-payara:" + what + ":" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    private static WebArchive archive(String name, String config, boolean interceptors, Class<?>... classes) {
        File[] libraries = jars(property("app.libs"));
        if (Arrays.stream(libraries).noneMatch(j -> j.getName().startsWith("gogoscope-cdi"))) {
            throw new IllegalStateException("no gogoscope-cdi jar in " + property("app.libs"));
        }
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .addAsLibraries(Arrays.stream(libraries)
                        .filter(jar -> interceptors || !jar.getName().startsWith(INTERCEPTORS))
                        .toArray(File[]::new));
    }

    private static File[] jars(String dir) {
        File[] jars = new File(dir).listFiles((d, name) -> name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no jars in " + dir + ": run the tests with mvn verify");
        }
        return jars;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests with mvn verify");
        }
        return value;
    }
}
