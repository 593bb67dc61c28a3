package org.gogoscope.demo.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /orders}: {@code POST} with an {@code Idempotency-Key} header places an order ({@code @Idempotent});
 * {@code POST /orders/{id}/ship} ships it under a lock ({@code @Locked}).
 */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    /** Response header: {@code true} when the order was replayed from the idempotency record, not placed now. */
    public static final String REPLAYED = "Idempotent-Replayed";

    /** An order as shown: the stored order plus who holds its lock right now, if anyone. */
    public record OrderView(Order order, LockHolders.Holder lockedBy) {
    }

    @Inject
    OrderService orders;

    @Inject
    LockHolders holders;

    @Inject
    Execution execution;

    @Inject
    @ConfigProperty(name = "demo.ship.hold-ms", defaultValue = "5000")
    long defaultHoldMillis;

    /** 201 placed now, 200 replayed (header {@value #REPLAYED}), 400, 409 in progress, 422 other body for the key. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(@HeaderParam("Idempotency-Key") String idempotencyKey, OrderRequest request,
            @QueryParam("processingMs") long processingMillis) throws InterruptedException {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new BadRequestException("header Idempotency-Key is required");
        }
        if (request == null) {
            throw new BadRequestException("a JSON body {\"sku\", \"quantity\", \"customer\"} is required");
        }
        request.validate();
        Order order = orders.place(idempotencyKey, request, Math.max(0, Math.min(processingMillis, 60_000)));
        boolean replayed = !execution.hasRun();
        return Response.status(replayed ? Response.Status.OK : Response.Status.CREATED)
                .header(REPLAYED, replayed).entity(order).build();
    }

    @GET
    @Path("{id}")
    public OrderView get(@PathParam("id") String id) {
        Order order = orders.find(id).orElseThrow(() -> new NotFoundException("no order " + id));
        return new OrderView(order, holders.holderOf("order-" + id).orElse(null));
    }

    /** 200 with the shipment and its fencing token; 409 with the holder while another call holds the lock. */
    @POST
    @Path("{id}/ship")
    public Order ship(@PathParam("id") String id, @QueryParam("holdMs") Long holdMillis) throws InterruptedException {
        long hold = Optional.ofNullable(holdMillis).orElse(defaultHoldMillis);
        return orders.ship(id, Math.max(0, Math.min(hold, 50_000)));
    }
}
