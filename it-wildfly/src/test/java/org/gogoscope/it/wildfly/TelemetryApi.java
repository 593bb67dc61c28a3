package org.gogoscope.it.wildfly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.annotation.Locked;

/**
 * {@code /api/telemetry/...} of the application that {@code TelemetryIT} deploys with gogoscope-telemetry: a
 * {@code @Locked} resource method and cache reads, on store {@code default}, so that the library has something to
 * report through the server's MicroProfile Telemetry. A top-level class: the lock's {@code code.function.name} is
 * {@code org.gogoscope.it.wildfly.TelemetryApi.job}.
 */
@Path("telemetry")
@ApplicationScoped
@Produces(MediaType.TEXT_PLAIN)
public class TelemetryApi {

    /** The JAX-RS application: everything under {@code /api}. */
    @ApplicationPath("api")
    public static class Rest extends Application {
    }

    @Inject
    CacheProvider cache;

    /** Runs under lock {@code telemetry-<id>} (one acquisition, one release). */
    @POST
    @Path("jobs/{id}")
    @Locked(key = "telemetry-{id}")
    public String job(@PathParam("id") String id) {
        return "ran " + id;
    }

    /** One cache read: 200 with the value (a hit), 404 without (a miss). */
    @GET
    @Path("cache/{key}")
    public Response read(@PathParam("key") String key) {
        return cache.get(key, String.class).map(value -> Response.ok(value).build())
                .orElse(Response.status(Response.Status.NOT_FOUND).build());
    }

    /** One cache write. */
    @PUT
    @Path("cache/{key}")
    public void write(@PathParam("key") String key, String value) {
        cache.set(key, value);
    }
}
