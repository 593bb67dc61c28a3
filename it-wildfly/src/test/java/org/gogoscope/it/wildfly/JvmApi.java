package org.gogoscope.it.wildfly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;
import org.gogoscope.it.common.ClassLoaders;

/**
 * {@code GET /api/jvm}: the server JVM's live threads, the library's threads among them, and its loaded classes,
 * after collecting garbage (so that the classes of an undeployed application that nothing pins are unloaded).
 * Deployed once, beside the application {@link RedeployIT} cycles.
 */
@ApplicationPath("api")
public class JvmApi extends Application {

    @Path("jvm")
    @ApplicationScoped
    public static class Jvm {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String jvm() throws InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            String library = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                    .map(Thread::getName).filter(name -> name.startsWith("gogoscope-")).sorted()
                    .collect(Collectors.joining(","));
            return "threads=" + ManagementFactory.getThreadMXBean().getThreadCount() + "\n"
                    + "classes=" + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount() + "\n"
                    + "library=" + library + "\n" + ClassLoaders.report();
        }
    }
}
