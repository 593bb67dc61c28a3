package org.gogoscope.it.helidon.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.atomic.AtomicInteger;
import org.gogoscope.api.annotation.CurrentLock;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.api.annotation.Locked;

/** The sample's resource: a booking that runs once per id, and a report that runs under a cluster-wide lock. */
@Path("/tickets")
@ApplicationScoped
public class Tickets {

    private final AtomicInteger bookings = new AtomicInteger();

    @Inject
    CurrentLock lock;

    /** Books ticket {@code id} once: a repeated request gets the first answer, the booking does not run again. */
    @POST
    @Path("/{id}")
    @Produces(MediaType.TEXT_PLAIN)
    @Idempotent(key = "book-{id}")
    public String book(@PathParam("id") String id) {
        return "booked " + id + " as booking " + bookings.incrementAndGet();
    }

    /** Runs while holding lock {@code report}; answers the lock's fencing token. */
    @GET
    @Path("/report")
    @Produces(MediaType.TEXT_PLAIN)
    @Locked(key = "report", ttl = 30)
    public String report() {
        return "report under fencing token " + lock.fencingToken();
    }
}
