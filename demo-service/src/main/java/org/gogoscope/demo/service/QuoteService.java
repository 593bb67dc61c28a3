package org.gogoscope.demo.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.gogoscope.api.annotation.SharedCircuitBreaker;

/**
 * Quotes through the flaky supplier, behind a MicroProfile circuit breaker whose state every node shares: 4 calls
 * of which at least 2 failed open it, for every node, for 10 s (override with MicroProfile Config
 * {@code org.gogoscope.demo.service.QuoteService/quote/CircuitBreaker/delay}); then one probe decides.
 */
@ApplicationScoped
public class QuoteService {

    /** The shared breaker's name: its state is the record {@code cb:supplier-quotes} in the store. */
    public static final String BREAKER = "supplier-quotes";

    @Inject
    Supplier supplier;

    @Inject
    Node node;

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000, successThreshold = 1)
    @SharedCircuitBreaker(name = BREAKER)
    public Supplier.Quote quote(String sku) {
        return supplier.quote(sku, node.name());
    }
}
