package org.example.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.gogoscope.api.annotation.CurrentLock;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.api.annotation.Locked;

@ApplicationScoped
public class Orders {

    @Inject
    CurrentLock currentLock;

    @Inject
    Warehouse warehouse;

    /** One shipment of an order at a time across every node; a second caller gets LockNotAcquiredException. */
    @Locked(key = "order-{orderId}", ttl = 30)
    public Shipment ship(String orderId) {
        return warehouse.ship(orderId, currentLock.fencingToken()); // the warehouse refuses stale tokens
    }

    /** A repeated call with the same request id returns the stored receipt instead of charging again. */
    @Idempotent(key = "{requestId}")
    public Receipt pay(String requestId, String orderId, long cents) {
        return new Receipt(UUID.randomUUID().toString(), orderId, cents);
    }

    public record Shipment(String orderId, long fencingToken) {
    }

    public record Receipt(String id, String orderId, long cents) {
    }
}
