package org.gogoscope.it.wildfly;

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
 * {@code microprofile-config.properties} and the given classes, the way an application would ship.
 */
final class Deployments {

    private Deployments() {
    }

    private static final String INTERCEPTORS = "gogoscope-interceptors";

    /**
     * A WAR named {@code name}.war with all the library jars (gogoscope-interceptors included, whether or not the
     * application uses MicroProfile Fault Tolerance), whose MicroProfile Config is {@code config}. Every store
     * configured in it should use {@link #uniquePrefix(String)} so that runs never see each other's keys.
     */
    static WebArchive war(String name, String config, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .addAsLibraries(libraries());
    }

    /** A key prefix no other run or test class uses, e.g. {@code it-wildfly:memory:1f3a9c:}. */
    static String uniquePrefix(String what) {
        return "it-wildfly:" + what + ":" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    private static File[] libraries() {
        String dir = System.getProperty("app.libs");
        if (dir == null) {
            throw new IllegalStateException("system property app.libs is not set: run the tests with mvn verify");
        }
        File[] jars = new File(dir).listFiles((d, name) -> name.endsWith(".jar"));
        if (jars == null || Arrays.stream(jars).noneMatch(j -> j.getName().startsWith("gogoscope-cdi"))
                || Arrays.stream(jars).noneMatch(j -> j.getName().startsWith(INTERCEPTORS))) {
            throw new IllegalStateException("no library jars in " + dir + ": run the tests with mvn verify");
        }
        return jars;
    }
}
