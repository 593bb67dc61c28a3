package org.gogoscope.it.wildfly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.gogoscope.it.common.TickJob;

/** {@code /api/runs/{variant}}: every run of the tick job recorded in the store, one per line. */
@ApplicationPath("api")
public class TicksApi extends Application {

    @Path("runs/{variant}")
    @ApplicationScoped
    public static class Runs {
        @Inject
        TickJob job;

        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String runs(@PathParam("variant") String variant) {
            return String.join("\n", job.runs(variant));
        }
    }
}
