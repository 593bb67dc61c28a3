package org.gogoscope.telemetry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.lang.System.Logger.Level;
import org.gogoscope.api.MessageCode;
import org.gogoscope.core.telemetry.Telemetry;

/**
 * The deployment's {@link Telemetry}, which the CDI extension attaches to every store: an
 * {@link OpenTelemetryTelemetry} over the deployment's OpenTelemetry ({@link DeploymentOpenTelemetry}), or
 * {@link Telemetry#NONE} when there is none or the OpenTelemetry API is not visible to the application.
 *
 * <p>This class names no OpenTelemetry type, so the container can read it where the API is absent (a server whose
 * telemetry subsystem is not configured): the application then deploys, runs without telemetry and says why (Weld
 * would otherwise drop the class with only WELD-000119; the CDI specification does not promise even that). It is
 * a bean only where this module's jar is: the jar is a bean archive (annotated discovery) of this one class.
 */
@Dependent
final class TelemetryProducer {

    private static final System.Logger LOG = System.getLogger(TelemetryProducer.class.getName());

    @Produces
    @ApplicationScoped
    Telemetry telemetry(Instance<Object> beans) {
        if (!apiVisible()) {
            LOG.log(Level.INFO, "gogoscope: no telemetry: the OpenTelemetry API is not visible to the application "
                    + "(enable the server's MicroProfile Telemetry)");
            return Telemetry.NONE;
        }
        try {
            return DeploymentOpenTelemetry.telemetry(beans);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, MessageCode.TELEMETRY_UNAVAILABLE.format("no telemetry: the OpenTelemetry API"
                    + " failed: " + e), e);
            return Telemetry.NONE;
        }
    }

    /** Unregisters the gauges' callbacks, which the OpenTelemetry meter provider would otherwise keep. */
    void close(@Disposes Telemetry telemetry) {
        if (telemetry instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception | LinkageError e) {
                LOG.log(Level.DEBUG, "gogoscope: closing the telemetry failed: " + e, e);
            }
        }
    }

    static boolean apiVisible() {
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry", false, TelemetryProducer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
