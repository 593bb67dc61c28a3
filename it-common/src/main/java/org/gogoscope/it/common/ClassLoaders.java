package org.gogoscope.it.common;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Server side, in every application of a redeploy check: each application records a weak reference to its own
 * class loader in a list kept in the JVM's system properties (only JDK objects there, so nothing of any
 * application is pinned by it); the observer application counts the ones garbage collection has not cleared. A
 * class loader that stays after its application was undeployed is a leak: something outside it still holds it.
 */
public final class ClassLoaders {

    private static final String KEY = "gogoscope.it.class-loaders";

    private ClassLoaders() {
    }

    /** Records the class loader of {@code type} (a class of the calling application), once. */
    public static void register(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        Properties properties = System.getProperties();
        synchronized (properties) {
            List<WeakReference<ClassLoader>> loaders = loaders(properties);
            for (WeakReference<ClassLoader> known : loaders) {
                if (known.get() == loader) {
                    return;
                }
            }
            loaders.add(new WeakReference<>(loader));
        }
    }

    /**
     * {@code registered=<n>}, {@code live=<n>} and {@code liveDeployments=<1-based numbers>}: how many application
     * class loaders were seen, how many are left, and which.
     */
    public static String report() {
        Properties properties = System.getProperties();
        synchronized (properties) {
            List<WeakReference<ClassLoader>> loaders = loaders(properties);
            StringBuilder which = new StringBuilder();
            long live = 0;
            for (int i = 0; i < loaders.size(); i++) {
                if (loaders.get(i).get() != null) {
                    live++;
                    which.append(which.length() == 0 ? "" : ",").append(i + 1);
                }
            }
            return "registered=" + loaders.size() + "\nlive=" + live + "\nliveDeployments=" + which + "\n";
        }
    }

    @SuppressWarnings("unchecked")
    private static List<WeakReference<ClassLoader>> loaders(Properties properties) {
        Object list = properties.get(KEY);
        if (list == null) {
            list = new ArrayList<WeakReference<ClassLoader>>();
            properties.put(KEY, list);
        }
        return (List<WeakReference<ClassLoader>>) list;
    }
}
