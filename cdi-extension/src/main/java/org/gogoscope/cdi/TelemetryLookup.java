package org.gogoscope.cdi;

import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.System.Logger.Level;
import org.gogoscope.api.MessageCode;
import org.gogoscope.core.telemetry.Telemetry;

/**
 * The deployment's {@link Telemetry}: the one bean of that type (gogoscope-telemetry contributes it over the
 * server's OpenTelemetry when the application adds that module), else none. A lookup that fails (an ambiguous
 * choice, a producer that throws) is logged and the stores run without telemetry: reporting never blocks a
 * deployment.
 *
 * <p>The stores get the bean's instance, not a client proxy. The application context is destroyed before
 * {@code BeforeShutdown}, where the stores disconnect; through a proxy, that last {@code disconnect} would create
 * the bean again (and the {@code OpenTelemetry} bean it is made from, with its exporter threads) in a context that
 * is going away, or fail where the container has already deactivated it. The instance, once disposed, still
 * records (its gauges are unregistered).
 */
final class TelemetryLookup {

    private static final System.Logger LOG = System.getLogger(TelemetryLookup.class.getName());

    private TelemetryLookup() {
    }

    static Telemetry find(BeanManager beans) {
        try {
            Bean<?> bean = beans.resolve(beans.getBeans(Telemetry.class));
            if (bean == null) {
                return Telemetry.NONE;
            }
            return instance(beans, bean);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, MessageCode.TELEMETRY_UNAVAILABLE.format("no telemetry: looking up the Telemetry"
                    + " bean failed: " + e), e);
            return Telemetry.NONE;
        }
    }

    private static <T> Telemetry instance(BeanManager beans, Bean<T> bean) {
        Context context = beans.getContext(bean.getScope());
        CreationalContext<T> creation = beans.createCreationalContext(bean);
        return (Telemetry) context.get(bean, creation);
    }
}
