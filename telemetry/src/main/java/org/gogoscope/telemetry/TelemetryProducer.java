package org.gogoscope.telemetry;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.lang.System.Logger.Level;
import org.gogoscope.core.telemetry.Telemetry;

/**
 * The deployment's {@link Telemetry}, which the CDI extension attaches to every store: an
 * {@link OpenTelemetryTelemetry} over the {@code OpenTelemetry} bean (MicroProfile Telemetry 2.x provides one on
 * WildFly, Open Liberty and Payara), else over the global one when something (the Java agent, the application) has
 * set it. With neither, {@link Telemetry#NONE}: the global is not touched, since
 * {@link GlobalOpenTelemetry#get()} would fix it to a no-op and make a later {@code GlobalOpenTelemetry.set} fail.
 *
 * <p>It is a bean only where this module's jar is: the jar is a bean archive (annotated discovery) of this one
 * class.
 */
@Dependent
final class TelemetryProducer {

    private static final System.Logger LOG = System.getLogger(TelemetryProducer.class.getName());

    @Produces
    @ApplicationScoped
    Telemetry telemetry(Instance<OpenTelemetry> openTelemetry) {
        try {
            OpenTelemetry chosen = openTelemetry.isResolvable() ? openTelemetry.get() : global();
            if (chosen == null) {
                LOG.log(Level.INFO, "gogoscope: no telemetry: no OpenTelemetry bean and no global OpenTelemetry "
                        + "(enable MicroProfile Telemetry, or produce an OpenTelemetry bean)");
                return Telemetry.NONE;
            }
            return new OpenTelemetryTelemetry(chosen);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "gogoscope: no telemetry: the OpenTelemetry API failed: " + e, e);
            return Telemetry.NONE;
        }
    }

    void close(@Disposes Telemetry telemetry) {
        if (telemetry instanceof OpenTelemetryTelemetry closeable) {
            closeable.close();
        }
    }

    /** The global OpenTelemetry when it is set, else null; with an API too old for
     * {@code isSet()}, its get. */
    static OpenTelemetry global() {
        try {
            return GlobalOpenTelemetry.isSet() ? GlobalOpenTelemetry.get() : null;
        } catch (NoSuchMethodError e) {
            return GlobalOpenTelemetry.get();
        }
    }
}
