package org.gogoscope.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.gogoscope.core.telemetry.Telemetry;

/** An application's {@code @ApplicationScoped} {@link Telemetry} bean that counts its creations and operations. */
@Dependent
public class CountingTelemetry {

    static final AtomicInteger CREATED = new AtomicInteger();
    static final List<String> OPERATIONS = new CopyOnWriteArrayList<>();

    @Produces
    @ApplicationScoped
    Telemetry telemetry() {
        CREATED.incrementAndGet();
        return new Telemetry() {
            @Override
            public Operation begin(Store store, String operation) {
                OPERATIONS.add(store.name() + " " + operation);
                return Operation.NONE;
            }
        };
    }
}
