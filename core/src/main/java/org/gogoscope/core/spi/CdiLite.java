package org.gogoscope.core.spi;

/**
 * Whether the CDI container is one that runs build compatible extensions instead of portable ones: Quarkus' ArC.
 * The library's build compatible extensions act only there. A CDI Full container (Weld) may run them as well, and
 * Helidon MP 4.3 does in spite of their {@code @SkipIfPortableExtensionPresent} (it-helidon saw the interceptors'
 * one re-place the shared breaker around a moved Fault Tolerance interceptor): there the portable extensions are in
 * charge, and the build compatible ones must do nothing.
 */
public final class CdiLite {

    /** Whether ArC (Quarkus' CDI Lite container) is on the class path of this jar. */
    public static final boolean ON_ARC = visible("io.quarkus.arc.Arc");

    private CdiLite() {
    }

    private static boolean visible(String className) {
        try {
            Class.forName(className, false, CdiLite.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
