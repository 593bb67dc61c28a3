package org.gogoscope.it.wildfly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.gogoscope.api.annotation.IdempotencyMismatchException;
import org.gogoscope.api.annotation.LockNotAcquiredException;
import org.gogoscope.it.common.Orders;

/** {@code /api/orders/...}: plain-text HTTP over {@link Orders}, mapping each outcome to a status code. */
@Path("orders")
@ApplicationScoped
@Produces(MediaType.TEXT_PLAIN)
public class OrdersApi {

    @Inject
    Orders orders;

    /** 200 with the fencing token once the job ran, 409 when another node (or call) holds its lock. */
    @POST
    @Path("jobs/{jobId}")
    public Response job(@PathParam("jobId") String jobId, @QueryParam("holdMs") long holdMs)
            throws InterruptedException {
        try {
            return Response.ok(String.valueOf(orders.runJob(jobId, holdMs))).build();
        } catch (LockNotAcquiredException e) {
            return Response.status(Response.Status.CONFLICT).entity(e.getMessage()).build();
        }
    }

    /** How many locked jobs run on this node right now. */
    @GET
    @Path("jobs/running")
    public String running() {
        return String.valueOf(orders.jobsRunning());
    }

    /** 200 {@code requestId amount node run}; 422 when the key was used with other arguments. */
    @POST
    @Path("payments/{requestId}")
    public Response pay(@PathParam("requestId") String requestId, @QueryParam("amount") int amount) {
        try {
            Orders.Receipt receipt = orders.pay(requestId, amount);
            return Response.ok(receipt.requestId() + " " + receipt.amount() + " " + receipt.node() + " "
                    + receipt.run()).build();
        } catch (IdempotencyMismatchException e) {
            return Response.status(422).entity(e.getMessage()).build();
        }
    }

    /** 200 in stock, 500 when the call failed, 503 when the (shared) breaker is open. */
    @POST
    @Path("inventory")
    public Response inventory(@QueryParam("fail") boolean fail) {
        try {
            return Response.ok(orders.inventory(fail)).build();
        } catch (CircuitBreakerOpenException e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity("breaker open").build();
        } catch (IllegalStateException e) {
            return Response.serverError().entity(e.getMessage()).build();
        }
    }

    /** How many times the inventory method itself ran on this node. */
    @GET
    @Path("inventory/calls")
    public String inventoryCalls() {
        return String.valueOf(orders.inventoryCalls());
    }
}
