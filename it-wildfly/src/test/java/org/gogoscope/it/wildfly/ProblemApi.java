package org.gogoscope.it.wildfly;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.api.annotation.Locked;
import org.gogoscope.api.annotation.SharedCircuitBreaker;

/**
 * A plain JAX-RS application using the annotations, with no exception mapper of its own: gogoscope-jaxrs in
 * {@code WEB-INF/lib} answers the library's exceptions. Every exception but {@code BackendException} is caused
 * for real by the interceptors.
 */
@ApplicationPath("api")
public class ProblemApi extends Application {

    /** The intercepted methods. */
    @ApplicationScoped
    public static class Work {

        /** Refused while another owner holds {@code job-<id>}; the refusal carries the holder (its TTL left). */
        @Locked(key = "job-{id}", reportHolder = true)
        public String job(String id) {
            return "ran " + id;
        }

        /** The same lock, refused without the holder. */
        @Locked(key = "job-{id}")
        public String jobWithoutHolder(String id) {
            return "ran " + id;
        }

        /** How long the next {@link #pay} of an id holds its claim, and the latch it counts down on entry. */
        static final Map<String, Long> HOLD_MS = new ConcurrentHashMap<>();
        static final Map<String, CountDownLatch> ENTERED = new ConcurrentHashMap<>();

        /** Claims {@code pay-<id>} (lease 3 s); while a call holds it, another with the same key is in progress. */
        @Idempotent(key = "pay-{id}", lease = 3, leaseUnit = ChronoUnit.SECONDS)
        public String pay(String id, int amount) throws InterruptedException {
            CountDownLatch entered = ENTERED.remove(id);
            if (entered != null) {
                entered.countDown();
            }
            Long holdMs = HOLD_MS.remove(id);
            if (holdMs != null) {
                TimeUnit.MILLISECONDS.sleep(holdMs);
            }
            return "paid " + amount;
        }

        /** Fails when asked; opens after 2 calls of which half failed (the record in the store, shared). */
        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 0.5, delay = 60, delayUnit = ChronoUnit.SECONDS)
        @SharedCircuitBreaker(name = "problems")
        public String quote(boolean fail) {
            if (fail) {
                throw new IllegalStateException("supplier down");
            }
            return "42";
        }
    }

    @Path("problems")
    @ApplicationScoped
    @Produces(MediaType.TEXT_PLAIN)
    public static class Problems {

        @Inject
        Work work;

        @Inject
        LockProvider locks;

        @Resource
        ManagedExecutorService executor;

        private final Map<String, LockHandle> held = new ConcurrentHashMap<>();

        /** Another owner takes {@code job-<id>} for {@code ttlMs} through the LockProvider. */
        @POST
        @Path("hold/{id}")
        public Response hold(@PathParam("id") String id, @QueryParam("ttlMs") long ttlMs) {
            return locks.acquire("job-" + id, Duration.ofMillis(ttlMs)).map(handle -> {
                held.put(id, handle);
                return Response.ok(String.valueOf(handle.fencingToken())).build();
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
        public String job(@PathParam("id") String id, @QueryParam("holder") boolean holder) {
            return holder ? work.job(id) : work.jobWithoutHolder(id);
        }

        /** Starts {@code pay(id, amount)} holding for {@code holdMs} on a managed thread; 202 once it runs. */
        @POST
        @Path("pay/{id}/background")
        public Response payInBackground(@PathParam("id") String id, @QueryParam("amount") int amount,
                @QueryParam("holdMs") long holdMs) throws InterruptedException {
            CountDownLatch entered = new CountDownLatch(1);
            Work.ENTERED.put(id, entered);
            Work.HOLD_MS.put(id, holdMs);
            executor.submit(() -> work.pay(id, amount));
            return entered.await(10, TimeUnit.SECONDS) ? Response.accepted().build() : Response.serverError().build();
        }

        @POST
        @Path("pay/{id}")
        public String pay(@PathParam("id") String id, @QueryParam("amount") int amount) throws InterruptedException {
            return work.pay(id, amount);
        }

        @POST
        @Path("quote")
        public String quote(@QueryParam("fail") boolean fail) {
            return work.quote(fail);
        }

        /** The library's backend failure, as a driver failure would surface it (no backend is stopped here). */
        @GET
        @Path("backend-down")
        public String backendDown() {
            throw new BackendException("postgresql", "lock.acquire", "Connection to 127.0.0.1:5432 refused",
                    new java.net.ConnectException("Connection refused"));
        }

        /** The application's own exception, which the module must leave alone. */
        @GET
        @Path("bad-input")
        public String badInput() {
            throw new IllegalArgumentException("amount must be positive");
        }
    }
}
