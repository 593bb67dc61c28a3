package org.gogoscope.demo.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An order as stored (JSON in the shared store) and returned. Every shipment carries its lock's fencing token. */
public record Order(String id, String sku, int quantity, String customer, String placedBy, Instant placedAt,
        List<Shipment> shipments) {

    /** One dispatch of the order: the node that did it under lock {@code order-<id>}, and the lock's token. */
    public record Shipment(String node, long fencingToken, Instant at) {
    }

    public Order withShipment(Shipment shipment) {
        List<Shipment> all = new ArrayList<>(shipments);
        all.add(shipment);
        return new Order(id, sku, quantity, customer, placedBy, placedAt, List.copyOf(all));
    }
}
