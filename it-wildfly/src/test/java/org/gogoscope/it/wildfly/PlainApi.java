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
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.api.annotation.IdempotencyMismatchException;
import org.gogoscope.api.annotation.LockNotAcquiredException;
import org.gogoscope.api.annotation.Locked;
import org.gogoscope.jaxrs.LockNotAcquiredMapper;
import org.gogoscope.jaxrs.Problem;

/**
 * An application that uses no MicroProfile Fault Tolerance annotation (so WildFly does not give it the Fault
 * Tolerance API) with gogoscope-jaxrs in {@code WEB-INF/lib}, and with a mapper of its own for
 * {@link IdempotencyMismatchException}, which must win over the module's, and a subclass of the module's lock
 * mapper adding a member, which must win over its superclass.
 */
@ApplicationPath("api")
public class PlainApi extends Application {

    @ApplicationScoped
    public static class Work {
        @Locked(key = "job-{id}")
        public String job(String id) {
            return "ran " + id;
        }

        @Idempotent(key = "pay-{id}")
        public String pay(String id, int amount) {
            return "paid " + amount;
        }
    }

    /** The application's own mapper for a type the module maps too. */
    @Provider
    public static class OwnMismatchMapper implements ExceptionMapper<IdempotencyMismatchException> {
        @Override
        public Response toResponse(IdempotencyMismatchException e) {
            return Response.status(400).type(MediaType.TEXT_PLAIN).entity("the application's own mapper").build();
        }
    }

    /** The module's answer with one more member: a subclass without {@code @Priority} wins over its superclass. */
    @Provider
    public static class LockRefused extends LockNotAcquiredMapper {
        @Override
        protected Problem problem(LockNotAcquiredException e) {
            return super.problem(e).with("application", "plain");
        }
    }

    @Path("plain")
    @ApplicationScoped
    @Produces(MediaType.TEXT_PLAIN)
    public static class Plain {
        @Inject
        Work work;

        @Inject
        LockProvider locks;

        private final Map<String, LockHandle> held = new ConcurrentHashMap<>();

        /** Whether this application can load the Fault Tolerance API. */
        @GET
        @Path("fault-tolerance-api")
        public String faultToleranceApi() {
            try {
                Class.forName("org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException",
                        false, Plain.class.getClassLoader());
                return "present";
            } catch (ClassNotFoundException e) {
                return "absent";
            }
        }

        @POST
        @Path("hold/{id}")
        public Response hold(@PathParam("id") String id) {
            return locks.acquire("job-" + id, Duration.ofSeconds(30)).map(handle -> {
                held.put(id, handle);
                return Response.ok().build();
            }).orElse(Response.status(Response.Status.CONFLICT).build());
        }

        @DELETE
        @Path("hold/{id}")
        public void release(@PathParam("id") String id) {
            LockHandle handle = held.remove(id);
            if (handle != null) {
                handle.close();
            }
        }

        @POST
        @Path("job/{id}")
        public String job(@PathParam("id") String id) {
            return work.job(id);
        }

        @POST
        @Path("pay/{id}")
        public String pay(@PathParam("id") String id, @QueryParam("amount") int amount) {
            return work.pay(id, amount);
        }
    }
}
