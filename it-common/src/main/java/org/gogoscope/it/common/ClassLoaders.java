package org.gogoscope.it.common;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.security.AccessControlContext;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

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
     * {@code registered=<n>}, {@code live=<n>}, {@code liveDeployments=<1-based numbers>} and
     * {@code heldBy=<number>:<holder>,...}: how many application class loaders were seen, how many are left, which,
     * and the JVM-wide holders of each that can be found without a heap dump (see {@link #holders}).
     */
    public static String report() {
        Properties properties = System.getProperties();
        synchronized (properties) {
            List<WeakReference<ClassLoader>> loaders = loaders(properties);
            List<String> which = new ArrayList<>();
            List<String> heldBy = new ArrayList<>();
            for (int i = 0; i < loaders.size(); i++) {
                ClassLoader loader = loaders.get(i).get();
                if (loader != null) {
                    which.add(String.valueOf(i + 1));
                    for (String holder : holders(loader)) {
                        heldBy.add((i + 1) + ":" + holder);
                    }
                }
            }
            return "registered=" + loaders.size() + "\nlive=" + which.size() + "\nliveDeployments="
                    + String.join(",", which) + "\nheldBy=" + String.join(",", heldBy) + "\n";
        }
    }

    /**
     * Live threads whose context class loader is {@code loader} ({@code context:<thread>}), threads whose inherited
     * access control context holds a protection domain of it ({@code inherited:<thread>}: a thread started while the
     * application's code was on the stack keeps that snapshot for its whole life on JDK 17 to 21, whatever its
     * context class loader), and platform MBeans it loaded ({@code mbean:<name>}).
     */
    static List<String> holders(ClassLoader loader) {
        List<String> holders = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getContextClassLoader() == loader) {
                holders.add("context:" + thread.getName());
            }
            try {
                if (inheritedContextHolds(thread, loader)) {
                    holders.add("inherited:" + thread.getName());
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                holders.add("inherited-unreadable:" + e.getClass().getSimpleName());
                break;
            }
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : server.queryNames(null, null)) {
            try {
                if (server.getClassLoaderFor(name) == loader) {
                    holders.add("mbean:" + name);
                }
            } catch (InstanceNotFoundException e) {
                // unregistered meanwhile
            }
        }
        return holders;
    }

    /** Fails where the JVM does not open {@code java.lang} and {@code java.security} to reflection. */
    private static boolean inheritedContextHolds(Thread thread, ClassLoader loader)
            throws ReflectiveOperationException {
        Field inherited = Thread.class.getDeclaredField("inheritedAccessControlContext");
        inherited.setAccessible(true);
        Object context = inherited.get(thread);
        if (context == null) {
            return false;
        }
        Field domains = AccessControlContext.class.getDeclaredField("context");
        domains.setAccessible(true);
        ProtectionDomain[] all = (ProtectionDomain[]) domains.get(context);
        for (ProtectionDomain domain : all == null ? new ProtectionDomain[0] : all) {
            if (domain != null && domain.getClassLoader() == loader) {
                return true;
            }
        }
        return false;
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
