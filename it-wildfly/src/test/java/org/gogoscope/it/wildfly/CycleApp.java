package org.gogoscope.it.wildfly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.gogoscope.it.common.CycleWork;

/**
 * The application {@link RedeployIT} deploys and undeploys again and again: {@code POST /api/exercise} runs
 * {@link CycleWork#exercise}, which uses every part of the library that starts a thread or opens a pool.
 */
@ApplicationPath("api")
public class CycleApp extends Application {

    @Path("exercise")
    @ApplicationScoped
    public static class Exercise {
        @Inject
        CycleWork work;

        @POST
        @Produces(MediaType.TEXT_PLAIN)
        public String exercise() throws Exception {
            return CycleWork.exercise(work);
        }
    }
}
