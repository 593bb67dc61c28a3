package org.example.orders;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stands for the slow system the lock protects: it takes a while, and refuses a token older than the last one. */
@ApplicationScoped
public class Warehouse {

    private final Map<String, Long> lastToken = new ConcurrentHashMap<>();

    public Orders.Shipment ship(String orderId, long fencingToken) {
        Long previous = lastToken.merge(orderId, fencingToken, Math::max);
        if (previous != fencingToken) {
            throw new IllegalStateException("stale fencing token " + fencingToken + " for " + orderId);
        }
        try {
            Thread.sleep(1000); // the slow part
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Orders.Shipment(orderId, fencingToken);
    }
}
