package org.gogoscope.it.wildfly;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.LockProvider;

/** {@code /api/hold/{key}} starts a {@link Holder} on a managed thread; {@code /api/locks/{key}} says who holds it. */
@ApplicationPath("api")
public class HoldApi extends Application {

    @Path("hold/{key}")
    @ApplicationScoped
    public static class Hold {
        @Inject
        Holder holder;

        @Resource
        ManagedExecutorService executor;

        @POST
        public Response hold(@PathParam("key") String key) throws InterruptedException {
            CountDownLatch entered = new CountDownLatch(1);
            executor.submit(() -> {
                holder.hold(key, entered);
                return null;
            });
            return entered.await(10, TimeUnit.SECONDS) ? Response.accepted().build() : Response.serverError().build();
        }
    }

    @Path("locks/{key}")
    @ApplicationScoped
    public static class Locks {
        @Inject
        LockProvider locks;

        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public Response holder(@PathParam("key") String key) {
            return locks.inspect(key).map(lock -> Response.ok(lock.owner() + " " + lock.fencingToken()).build())
                    .orElse(Response.status(Response.Status.NOT_FOUND).build());
        }
    }
}
