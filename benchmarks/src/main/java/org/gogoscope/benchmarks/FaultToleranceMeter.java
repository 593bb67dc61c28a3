package org.gogoscope.benchmarks;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The {@link Meter} SmallRye Fault Tolerance asks for once the OpenTelemetry API is on the class path (it is, for
 * {@link TelemetryBenchmarks}): a no-op one, so its own metrics cost what they cost on a server without telemetry.
 */
@ApplicationScoped
public class FaultToleranceMeter {

    @Produces
    @ApplicationScoped
    Meter meter() {
        return OpenTelemetry.noop().getMeter("smallrye-fault-tolerance");
    }
}
