package org.gogoscope.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a static method of a test class in a fresh class loader holding the test class path minus the jars
 * whose path contains a given text, as if the application had not packaged them. Test support shared by the
 * modules that check how the library behaves when an optional jar is missing (cdi-extension, interceptors).
 */
public final class IsolatedClassPath {

    private IsolatedClassPath() {
    }

    /** Calls {@code type.method()} (static, no arguments) without the jars matching {@code excluded}. */
    public static Object run(String excluded, Class<?> type, String method) throws Exception {
        List<URL> urls = new ArrayList<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        int dropped = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.contains(excluded)) {
                dropped++;
            } else {
                urls.add(url(entry));
            }
        }
        assertThat(dropped).as("jars matching '%s' on the test class path", excluded).isPositive();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(isolated);
            Method call = isolated.loadClass(type.getName()).getDeclaredMethod(method);
            call.setAccessible(true);
            return call.invoke(null);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static URL url(String entry) {
        try {
            return new File(entry).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }
}
