package org.gogoscope.it.wildfly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.LockProvider;

/**
 * The HTTP face of the two-node test application: plain-text endpoints over the injected providers, so a test
 * client can act through either node.
 */
@ApplicationPath("api")
public class CoordinationApi extends Application {

    /** {@code /api/locks/{key}}: acquire (200 with the fencing token, or 409) and release. */
    @Path("locks/{key}")
    @ApplicationScoped
    @Produces(MediaType.TEXT_PLAIN)
    public static class Locks {

        @Inject
        LockProvider locks;

        @POST
        public Response acquire(@PathParam("key") String key, @QueryParam("owner") String owner,
                @QueryParam("ttlMs") long ttlMs) {
            return locks.acquire(key, Duration.ofMillis(ttlMs), owner)
                    .map(handle -> Response.ok(String.valueOf(handle.fencingToken())).build())
                    .orElseGet(() -> Response.status(Response.Status.CONFLICT).entity("held by another owner").build());
        }

        @DELETE
        public Response release(@PathParam("key") String key, @QueryParam("owner") String owner) {
            return locks.release(key, owner) ? Response.ok("released").build()
                    : Response.status(Response.Status.NOT_FOUND).entity("not held by " + owner).build();
        }
    }

    /** {@code /api/breakers/{key}}: the stored state, and recording a failure. */
    @Path("breakers/{key}")
    @ApplicationScoped
    @Produces(MediaType.TEXT_PLAIN)
    public static class Breakers {

        @Inject
        CircuitBreakerStateProvider breakers;

        @GET
        public String state(@PathParam("key") String key) {
            return breakers.getState(key).map(s -> s.state() + " " + s.failureCount()).orElse("NONE 0");
        }

        @POST
        @Path("failures")
        public String fail(@PathParam("key") String key, @QueryParam("max") int max) {
            return String.valueOf(breakers.recordFailure(key, max));
        }
    }
}
