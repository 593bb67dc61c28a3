package org.gogoscope.it.common;

import java.io.File;
import java.util.Arrays;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the test applications the way an application would ship: a WAR with the library jars in
 * {@code WEB-INF/lib} (every jar the build copied to the directory in system property {@code app.libs}: the
 * gogoscope jars and their own dependencies, nothing the server provides), a {@code beans.xml}, a
 * {@code META-INF/microprofile-config.properties} and the given classes. Client side only: never put it in a WAR.
 * What a server needs besides (resources, a second store) stays in the server module.
 */
public final class Wars {

    private Wars() {
    }

    /** A WAR named {@code name}.war with every library jar, whose MicroProfile Config is {@code config}. */
    public static WebArchive war(String name, String config, Class<?>... classes) {
        return war(name, config, libraries(), classes);
    }

    /** A WAR named {@code name}.war with the given library jars, whose MicroProfile Config is {@code config}. */
    public static WebArchive war(String name, String config, File[] libraries, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .addAsLibraries(libraries);
    }

    /**
     * The MicroProfile Config of an application with store {@code default} on {@code backend}, a key prefix of
     * its own ({@link #uniquePrefix}) and the backend's further lines {@code settings} (e.g. the datasource).
     */
    public static String storeConfig(String module, String backend, String settings) {
        return """
                gogoscope.store.default.backend=%s
                gogoscope.store.default.key-prefix=%s
                %s
                """.formatted(backend, uniquePrefix(module, backend), settings);
    }

    /**
     * A key prefix no other run, module or test class uses, e.g. {@code it-wildfly:memory:1f3a9c0d:}: every store
     * a test WAR configures should have one so that runs never see each other's keys.
     */
    public static String uniquePrefix(String module, String what) {
        return module + ":" + what + ":" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    /** The jars in {@code app.libs}; fails unless gogoscope-cdi and gogoscope-interceptors are among them. */
    public static File[] libraries() {
        String dir = property("app.libs");
        File[] jars = new File(dir).listFiles((d, name) -> name.endsWith(".jar"));
        if (jars == null || Arrays.stream(jars).noneMatch(j -> j.getName().startsWith("gogoscope-cdi"))
                || Arrays.stream(jars).noneMatch(j -> j.getName().startsWith("gogoscope-interceptors"))) {
            throw new IllegalStateException("no library jars (gogoscope-cdi, gogoscope-interceptors) in " + dir
                    + ": run the tests with mvn verify");
        }
        return jars;
    }

    /** The value of system property {@code name}, which the build (failsafe) sets. */
    public static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests with mvn verify");
        }
        return value;
    }
}
