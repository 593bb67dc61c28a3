package org.gogoscope.it.liberty;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;
import org.gogoscope.it.common.ClassLoaders;

/**
 * {@code GET /jvm}: the server JVM's live threads, the library's threads among them, and its loaded classes,
 * after collecting garbage. Deployed once, beside the application {@link RedeployIT} cycles.
 */
@WebServlet("/jvm")
public class JvmServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String library = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("gogoscope-")).sorted().collect(Collectors.joining(","));
        response.setContentType("text/plain");
        response.getWriter().write("threads=" + ManagementFactory.getThreadMXBean().getThreadCount() + "\n"
                + "classes=" + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount() + "\n"
                + "library=" + library + "\n" + ClassLoaders.report());
    }
}
