package org.gogoscope.telemetry;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.inject.Instance;
import java.lang.System.Logger.Level;
import org.gogoscope.core.telemetry.Telemetry;

/**
 * Which OpenTelemetry a deployment reports to: its {@code OpenTelemetry} bean (MicroProfile Telemetry provides one
 * on WildFly, Open Liberty and Payara), else the global one when something (the Java agent, the application) has
 * set it. With neither, none: the global is not touched, since {@link GlobalOpenTelemetry#get()} would fix it to a
 * no-op and make the application's own later {@code GlobalOpenTelemetry.set} fail. Only {@link TelemetryProducer}
 * calls it, after checking that the API is visible.
 */
final class DeploymentOpenTelemetry {

    private static final System.Logger LOG = System.getLogger(DeploymentOpenTelemetry.class.getName());

    private DeploymentOpenTelemetry() {
    }

    static Telemetry telemetry(Instance<Object> beans) {
        Instance<OpenTelemetry> bean = beans.select(OpenTelemetry.class);
        OpenTelemetry chosen = bean.isResolvable() ? bean.get() : global();
        if (chosen == null) {
            LOG.log(Level.INFO, "gogoscope: no telemetry: no OpenTelemetry bean and no global OpenTelemetry "
                    + "(enable MicroProfile Telemetry, or produce an OpenTelemetry bean)");
            return Telemetry.NONE;
        }
        return new OpenTelemetryTelemetry(chosen);
    }

    /** The global OpenTelemetry when it is set, else null; with an API too old for {@code isSet()}, its get. */
    static OpenTelemetry global() {
        try {
            return GlobalOpenTelemetry.isSet() ? GlobalOpenTelemetry.get() : null;
        } catch (NoSuchMethodError e) {
            return GlobalOpenTelemetry.get();
        }
    }
}
