package org.gogoscope.demo.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.annotation.CurrentLock;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.api.annotation.Locked;

/** Placing orders ({@code @Idempotent}) and shipping them ({@code @Locked}); orders live in the shared store. */
@ApplicationScoped
public class OrderService {

    @Inject
    CacheProvider store;

    @Inject
    CurrentLock currentLock;

    @Inject
    LockHolders holders;

    @Inject
    Execution execution;

    @Inject
    Node node;

    /**
     * Places an order once per idempotency key: a repeat with the same key and body, on any node, replays the
     * stored order; the same key with another body is refused; a repeat while the first call still runs is
     * refused as in progress. {@code processingMillis} (part of the request) makes the processing slow.
     */
    @Idempotent(key = "order-{idempotencyKey}", ttl = 24, ttlUnit = ChronoUnit.HOURS, lease = 60, leaseUnit = ChronoUnit.SECONDS)
    public Order place(String idempotencyKey, OrderRequest request, long processingMillis) throws InterruptedException {
        execution.ran();
        Thread.sleep(processingMillis);
        Order order = new Order(UUID.randomUUID().toString().substring(0, 8), request.sku(), request.quantity(),
                request.customer(), node.name(), Instant.now(), List.of());
        store.set(key(order.id()), order);
        return order;
    }

    /**
     * Ships an order under lock {@code order-<id>}, held for {@code holdMillis} (the "warehouse work"). A call on
     * any node while it is held gets {@code LockNotAcquiredException}. The shipment records the lock's fencing
     * token, strictly greater for every grant, which a real warehouse would use to refuse stale writers.
     */
    @Locked(key = "order-{orderId}", ttl = 60, ttlUnit = ChronoUnit.SECONDS)
    public Order ship(String orderId, long holdMillis) throws InterruptedException {
        Order order = find(orderId).orElseThrow(() -> new NotFoundException("no order " + orderId));
        long token = currentLock.fencingToken();
        String lockKey = "order-" + orderId;
        holders.holding(lockKey, token, Duration.ofSeconds(60));
        try {
            Thread.sleep(holdMillis);
            Order shipped = order.withShipment(new Order.Shipment(node.name(), token, Instant.now()));
            store.set(key(orderId), shipped);
            return shipped;
        } finally {
            holders.released(lockKey);
        }
    }

    public Optional<Order> find(String orderId) {
        return store.get(key(orderId), Order.class);
    }

    private static String key(String orderId) {
        return "order:" + orderId;
    }
}
