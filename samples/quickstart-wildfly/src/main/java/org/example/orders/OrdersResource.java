package org.example.orders;

import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("orders/{orderId}")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    @Inject
    Orders orders;

    @POST
    @Path("shipment")
    public Orders.Shipment ship(@PathParam("orderId") String orderId) {
        return orders.ship(orderId);
    }

    @POST
    @Path("payment")
    public Orders.Receipt pay(@PathParam("orderId") String orderId, @HeaderParam("Idempotency-Key") String key,
            @QueryParam("cents") long cents) {
        return orders.pay(key, orderId, cents);
    }
}
