package org.gogoscope.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.System.Logger.Level;
import org.gogoscope.core.telemetry.Telemetry;

/**
 * The deployment's {@link Telemetry}: the one bean of that type (gogoscope-telemetry contributes it over the
 * server's OpenTelemetry when the application adds that module), else none. A lookup that fails (an ambiguous
 * choice, a producer that throws) is logged and the stores run without telemetry: reporting never blocks a
 * deployment.
 */
final class TelemetryLookup {

    private static final System.Logger LOG = System.getLogger(TelemetryLookup.class.getName());

    private TelemetryLookup() {
    }

    static Telemetry find(BeanManager beans) {
        try {
            Instance<Telemetry> found = beans.createInstance().select(Telemetry.class);
            if (found.isUnsatisfied()) {
                return Telemetry.NONE;
            }
            return found.get();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "gogoscope: no telemetry: looking up the Telemetry bean failed: " + e, e);
            return Telemetry.NONE;
        }
    }
}
