package org.gogoscope.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.util.concurrent.atomic.AtomicInteger;

/** The deployment's {@link OpenTelemetry} bean, as MicroProfile Telemetry provides one: the test's SDK. */
@Dependent
public class TheSdk {

    static volatile OpenTelemetry current;
    static final AtomicInteger ASKED = new AtomicInteger();

    @Produces
    OpenTelemetry openTelemetry() {
        ASKED.incrementAndGet();
        return current;
    }
}
