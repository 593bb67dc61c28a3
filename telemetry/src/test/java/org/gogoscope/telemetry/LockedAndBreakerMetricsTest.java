package org.gogoscope.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.gogoscope.telemetry.Attrs.of;

import io.opentelemetry.api.common.Attributes;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.gogoscope.core.telemetry.Telemetry.BreakerState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The instruments of {@code @Locked} methods and shared breakers, reported through the SPI's methods directly (the
 * interceptors call them): wait durations by outcome, watchdog counts, the breakers' state set, transitions,
 * rejections and reads.
 */
class LockedAndBreakerMetricsTest {

    private final Recorded recorded = new Recorded();
    private final OpenTelemetryTelemetry telemetry = new OpenTelemetryTelemetry(recorded.sdk);

    @AfterEach
    void stop() {
        telemetry.close();
        recorded.close();
    }

    @Test
    void lockedWaitsByOutcomeAndWatchdogCounts() {
        telemetry.lockWaited("orders", "com.acme.OrderService.close", TimeUnit.MILLISECONDS.toNanos(500), true);
        telemetry.lockWaited("orders", "com.acme.OrderService.close", TimeUnit.MILLISECONDS.toNanos(250), true);
        telemetry.lockWaited("orders", "com.acme.OrderService.close", TimeUnit.SECONDS.toNanos(2), false);
        telemetry.watchdogExtended("orders", "Reports.run");
        telemetry.watchdogExtended("orders", "Reports.run");
        telemetry.watchdogLost("orders", "Reports.run");

        assertThat(recorded.histogram("gogoscope.lock.wait.duration", of("gogoscope.store", "orders",
                "code.function.name", "com.acme.OrderService.close", "gogoscope.outcome", "granted"))).hasValueSatisfying(p -> {
                    assertThat(p.getCount()).isEqualTo(2);
                    assertThat(p.getSum()).isCloseTo(0.75, offset(1e-9));
                });
        assertThat(recorded.histogram("gogoscope.lock.wait.duration", of("gogoscope.store", "orders",
                "code.function.name", "com.acme.OrderService.close", "gogoscope.outcome", "refused")))
                .hasValueSatisfying(p -> assertThat(p.getSum()).isEqualTo(2.0));
        assertThat(recorded.counter("gogoscope.lock.watchdog.extensions", of("gogoscope.store", "orders",
                "code.function.name", "Reports.run"))).isEqualTo(2);
        assertThat(recorded.counter("gogoscope.lock.watchdog.losses", of("gogoscope.store", "orders",
                "code.function.name", "Reports.run"))).isOne();
    }

    @Test
    void everyRegisteredBreakerReportsAStateSet() {
        AtomicReference<BreakerState> payments = new AtomicReference<>(BreakerState.CLOSED);
        telemetry.breakerState("default", "payments", payments::get);
        telemetry.breakerState("default", "Inventory.reserve", () -> BreakerState.HALF_OPEN);

        assertThat(recorded.gauge("gogoscope.breaker.state")).containsOnly(
                Map.entry(state("payments", "closed"), 1L), Map.entry(state("payments", "open"), 0L),
                Map.entry(state("payments", "half_open"), 0L),
                Map.entry(state("Inventory.reserve", "closed"), 0L), Map.entry(state("Inventory.reserve", "open"), 0L),
                Map.entry(state("Inventory.reserve", "half_open"), 1L));
        payments.set(BreakerState.OPEN);
        assertThat(recorded.gauge("gogoscope.breaker.state", state("payments", "open"))).contains(1L);
        assertThat(recorded.gauge("gogoscope.breaker.state", state("payments", "closed"))).contains(0L);
    }

    @Test
    void transitionsRejectionsAndReads() {
        telemetry.breakerTransition("default", "payments", BreakerState.CLOSED, BreakerState.OPEN);
        telemetry.breakerTransition("default", "payments", BreakerState.OPEN, BreakerState.HALF_OPEN);
        telemetry.breakerTransition("default", "payments", BreakerState.HALF_OPEN, BreakerState.OPEN);
        telemetry.breakerRejected("default", "payments");
        telemetry.breakerRejected("default", "payments");
        telemetry.breakerRejected("default", "payments");
        telemetry.breakerRead("default", "payments");

        assertThat(recorded.counter("gogoscope.breaker.transitions", transition("closed", "open"))).isOne();
        assertThat(recorded.counter("gogoscope.breaker.transitions", transition("open", "half_open"))).isOne();
        assertThat(recorded.counter("gogoscope.breaker.transitions", transition("half_open", "open"))).isOne();
        assertThat(recorded.counter("gogoscope.breaker.transitions", transition("open", "closed"))).isZero();
        Attributes payments = of("gogoscope.store", "default", "gogoscope.breaker", "payments");
        assertThat(recorded.counter("gogoscope.breaker.rejections", payments)).isEqualTo(3);
        assertThat(recorded.counter("gogoscope.breaker.reads", payments)).isOne();
    }

    @Test
    void aStateSupplierThatFailsSkipsOnlyItsBreakerAndCloseUnregisters() {
        telemetry.breakerState("default", "broken", () -> {
            throw new IllegalStateException("no document yet");
        });
        telemetry.breakerState("default", "payments", () -> BreakerState.CLOSED);
        assertThat(recorded.gauge("gogoscope.breaker.state")).hasSize(3)
                .containsEntry(state("payments", "closed"), 1L);
        telemetry.close();
        assertThat(recorded.gauge("gogoscope.breaker.state")).isEmpty();
    }

    private static Attributes state(String breaker, String state) {
        return of("gogoscope.store", "default", "gogoscope.breaker", breaker, "gogoscope.breaker.state", state);
    }

    private static Attributes transition(String from, String to) {
        return of("gogoscope.store", "default", "gogoscope.breaker", "payments", "gogoscope.breaker.from", from,
                "gogoscope.breaker.to", to);
    }
}
