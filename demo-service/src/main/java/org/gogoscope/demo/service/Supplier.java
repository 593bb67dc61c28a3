package org.gogoscope.demo.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The flaky downstream: a supplier's price service, simulated in each node. Its switch and its call counter are
 * per node on purpose: fail it on node A, open the shared breaker through A, and node B (whose supplier is
 * healthy) fails fast without calling its supplier at all: its counter does not move.
 */
@ApplicationScoped
public class Supplier {

    /** The supplier is down. */
    public static class SupplierUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SupplierUnavailableException(String message) {
            super(message);
        }
    }

    /** A price quote as the supplier gives it. */
    public record Quote(String sku, BigDecimal price, String quotedVia, Instant at) {
    }

    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicInteger calls = new AtomicInteger();

    public Quote quote(String sku, String node) {
        calls.incrementAndGet();
        if (failing.get()) {
            throw new SupplierUnavailableException("supplier price service unavailable (switched off on " + node + ")");
        }
        BigDecimal price = BigDecimal.valueOf(Math.floorMod(sku.hashCode(), 9_000) + 1_000, 2);
        return new Quote(sku, price, node, Instant.now());
    }

    public void setFailing(boolean fail) {
        failing.set(fail);
    }

    public boolean failing() {
        return failing.get();
    }

    public int calls() {
        return calls.get();
    }
}
